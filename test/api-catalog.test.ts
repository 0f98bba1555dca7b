import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Enforcement items (执法事项): they drive the case workflow (category for O3, AV for R4).
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('the demo agencies have their items, scoped to the caller', async () => {
  const officer = await loggedIn(server, 'scjg_officer1');
  const own = await officer.get('/api/items');
  assert.equal(own.status, 200);
  assert.ok(own.body.total >= 4);
  for (const i of own.body.items) assert.equal(i.agencyName, '蚌埠市市场监督管理局');
  const av = own.body.items.find((i: { type: string }) => i.type === 'coercive');
  assert.equal(av.requiresAv, true);
  assert.equal(av.typeLabel, '行政强制');

  const sup = await loggedIn(server, 'supervisor');
  const all = await sup.get('/api/items');
  assert.ok(all.body.total > own.body.total);
  const foreign = all.body.items.find((i: { agencyName: string }) => i.agencyName !== '蚌埠市市场监督管理局');
  // Another agency's item is invisible to an agency role: 404, not 403.
  const r = await officer.get(`/api/items/${foreign.id}`);
  assert.equal(r.status, 404);
  assert.equal(r.body.error.code, 'ITEM_NOT_FOUND');
});

test('an agency admin adds and edits items of their own agency only', async () => {
  const admin = await loggedIn(server, 'scjg_admin');
  const agencyId = (await admin.get('/api/auth/me')).body.user.agencyId;
  const body = {
    agencyId,
    code: 'SCJG-CF-099',
    name: '对生产经营者未按规定公示食品生产经营许可证的行政处罚',
    type: 'penalty',
    categoryCode: 'MARKET',
    legalBasis: '《食品经营许可和备案管理办法》',
  };
  const created = await admin.post('/api/items', body);
  assert.equal(created.status, 201, created.text);
  const dup = await admin.post('/api/items', body);
  assert.equal(dup.status, 409);
  assert.equal(dup.body.error.code, 'DUPLICATE_ITEM_CODE');
  const patched = await admin.patch(`/api/items/${created.body.id}`, { requiresAv: true });
  assert.equal(patched.body.requiresAv, true);

  const cg = await loggedIn(server, 'cg_admin');
  const cross = await cg.post('/api/items', { ...body, code: 'CG-X-1' });
  assert.equal(cross.status, 403);
  assert.equal(cross.body.error.code, 'AGENCY_OUT_OF_SCOPE');
  const badCat = await admin.post('/api/items', { ...body, code: 'SCJG-X-2', categoryCode: 'NOPE' });
  assert.equal(badCat.status, 400);
  assert.equal(badCat.body.error.code, 'UNKNOWN_CATEGORY');
  assert.equal(badCat.body.error.field, 'categoryCode');
  const officer = await loggedIn(server, 'scjg_officer1');
  assert.equal((await officer.post('/api/items', { ...body, code: 'SCJG-X-3' })).status, 403);
});
