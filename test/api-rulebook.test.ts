import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Rules differ by place: a region's versioned layer overrides its parents and the national defaults,
// and every clock computed afterwards records the version it used.
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

const source = { zh: '《蚌埠市行政执法全过程记录办法》第二十二条（演示）', en: 'Bengbu local rule (demo)' };

test('the national defaults, with their sources, are public', async () => {
  const r = await new Client(server.url).get('/api/public/rulebook?regionCode=340300');
  assert.equal(r.status, 200);
  assert.match(r.body.version, /^national:[0-9a-f]{8}$/);
  assert.equal(r.body.params.paymentDays.value, 15);
  assert.equal(r.body.params.paymentDays.definedBy, 'national');
  assert.match(r.body.params.paymentDays.source.zh, /行政处罚法/);
});

test('a city overrides a local rule; its counties inherit it; cases record the version', async () => {
  const sup = await loggedIn(server, 'supervisor');
  const r = await sup.post('/api/rulebook/layers', {
    regionCode: '340300',
    overrides: { archivingDays: { value: 20, source } },
    note: '演示：市级规定20日内归档',
  });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.body, { regionCode: '340300', version: 1 });
  const county = await new Client(server.url).get('/api/public/rulebook?regionCode=340321');
  assert.equal(county.body.params.archivingDays.value, 20);
  assert.equal(county.body.params.archivingDays.definedBy, '340300');
  assert.match(county.body.version, /340300:1/);
  const history = await sup.get('/api/rulebook/layers?regionCode=340300');
  assert.equal(history.body.items[0].version, 1);

  // A lead registered now is judged under the new version.
  const officer = await loggedIn(server, 'scjg_officer1');
  const items = (await officer.get('/api/items?type=penalty')).body.items;
  const lead = await officer.post('/api/cases', {
    procedure: 'lead',
    itemId: items[0].id,
    title: '规则版本测试',
    payload: { source: 'inspection', summary: '检查发现' },
  });
  assert.equal(lead.status, 201, lead.text);
  assert.match(lead.body.events[0].rulebookVersion, /340300:1/);
});

test('fixed national rules cannot be overridden; a local value needs its source; scope is enforced', async () => {
  const sup = await loggedIn(server, 'supervisor');
  const fixed = await sup.post('/api/rulebook/layers', {
    regionCode: '340300',
    overrides: { paymentDays: { value: 30, source } },
  });
  assert.equal(fixed.status, 400);
  assert.equal(fixed.body.error.code, 'RULE_NOT_OVERRIDABLE');
  const noSource = await sup.post('/api/rulebook/layers', {
    regionCode: '340300',
    overrides: { archivingDays: { value: 25 } },
  });
  assert.equal(noSource.status, 400);
  assert.equal(noSource.body.error.code, 'RULE_SOURCE_REQUIRED');
  const outside = await sup.post('/api/rulebook/layers', {
    regionCode: '340100',
    overrides: { archivingDays: { value: 25, source } },
  });
  assert.equal(outside.status, 403);
  assert.equal(outside.body.error.code, 'REGION_OUT_OF_SCOPE');
  const officer = await loggedIn(server, 'scjg_officer1');
  assert.equal(
    (await officer.post('/api/rulebook/layers', { regionCode: '340300', overrides: {} })).status,
    403,
  );
  // Nothing of the refused attempts was stored.
  const history = await sup.get('/api/rulebook/layers?regionCode=340300');
  assert.ok(
    history.body.items.every((l: { overrides: Record<string, unknown> }) => !('paymentDays' in l.overrides)),
  );
});

test('an override keeps its value and source; anything else sent with it is not stored', async () => {
  const sup = await loggedIn(server, 'supervisor');
  const r = await sup.post('/api/rulebook/layers', {
    regionCode: '340322',
    overrides: {
      archivingDays: { value: 25, source: { ...source, seedRef: '000:22', page: 3 }, author: '张三' },
    },
  });
  assert.equal(r.status, 201, r.text);
  const history = await sup.get('/api/rulebook/layers?regionCode=340322');
  assert.equal(history.status, 200, history.text);
  assert.deepEqual(history.body.items[0].overrides, {
    archivingDays: { value: 25, source: { ...source, seedRef: '000:22' } },
  });
  const county = await new Client(server.url).get('/api/public/rulebook?regionCode=340322');
  assert.equal(county.status, 200, county.text);
  assert.deepEqual(county.body.params.archivingDays.source, { ...source, seedRef: '000:22' });
});
