import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Permissions } from '../src/capabilities.ts';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// What the console may show each caller comes from the server (`user.permissions`, `can` on a record),
// computed by the modules' policies. These tests log in as the demo accounts and hold the answers
// against what the routes then actually allow.
let server: TestServer;
const clients = new Map<string, Client>();
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

async function as(username: string): Promise<Client> {
  let c = clients.get(username);
  if (!c) {
    c = await loggedIn(server, username);
    clients.set(username, c);
  }
  return c;
}

const NONE: Permissions = {
  seeAudit: false,
  editRegions: false,
  createAgency: false,
  manageOfficers: false,
  overseeAgencies: false,
  handleCases: false,
  openCases: false,
  manageDevices: false,
  superviseRecords: false,
  reviewWorkbench: false,
  publicationDesk: false,
};

const EXPECTED: Record<string, Permissions> = {
  admin: {
    ...NONE,
    seeAudit: true,
    editRegions: true,
    createAgency: true,
    manageOfficers: true,
    overseeAgencies: true,
    manageDevices: true,
  },
  supervisor: {
    ...NONE,
    seeAudit: true,
    editRegions: true,
    createAgency: true,
    manageOfficers: true,
    overseeAgencies: true,
    manageDevices: true,
    superviseRecords: true,
    reviewWorkbench: true,
    publicationDesk: true,
  },
  scjg_admin: {
    ...NONE,
    manageOfficers: true,
    handleCases: true,
    openCases: true,
    manageDevices: true,
    publicationDesk: true,
  },
  scjg_head: {
    ...NONE,
    handleCases: true,
    openCases: true,
    manageDevices: true,
    superviseRecords: true,
    reviewWorkbench: true,
    publicationDesk: true,
  },
  scjg_reviewer: {
    ...NONE,
    handleCases: true,
    openCases: true,
    superviseRecords: true,
    reviewWorkbench: true,
    publicationDesk: true,
  },
  scjg_officer1: { ...NONE, handleCases: true, openCases: true, publicationDesk: true },
  scjg_aux: { ...NONE, handleCases: true },
};

describe('the caller’s capabilities', () => {
  for (const [username, expected] of Object.entries(EXPECTED)) {
    test(`${username}: login and /api/auth/me carry the same permissions, as the policies say`, async () => {
      const c = await as(username);
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.user.permissions, expected);
      const login = await new Client(server.url).login(username);
      assert.deepEqual(login.body.user.permissions, expected);
    });
  }

  // Each capability the console acts on is held against the route that needs it: a capability the
  // server claims but refuses (or the reverse) fails here.
  for (const username of Object.keys(EXPECTED)) {
    test(`${username}: each capability matches what the routes allow`, async () => {
      const c = await as(username);
      const p: Permissions = (await c.get('/api/auth/me')).body.user.permissions;
      const audit = await c.get('/api/audit?pageSize=1');
      assert.equal(audit.status === 200, p.seeAudit, `audit ${audit.status}`);
      const template = await c.get('/api/officers/import/template.csv');
      assert.equal(template.status === 200, p.manageOfficers, `import template ${template.status}`);
      const spotChecks = await c.get('/api/spot-checks');
      assert.equal(spotChecks.status === 200, p.superviseRecords, `spot checks ${spotChecks.status}`);
      // Renaming a region to its own name changes nothing but needs the right to edit regions.
      const rename = await c.patch('/api/regions/340300', { name: '蚌埠市' });
      assert.equal(rename.status === 200, p.editRegions, `region ${rename.status} ${rename.text}`);
    });
  }
});

describe('rights on one record', () => {
  async function agencyOf(username: string): Promise<string> {
    return (await (await as(username)).get('/api/auth/me')).body.user.agencyId;
  }

  test('an agency admin may edit its own agency and manage its officers; an officer of it may not', async () => {
    const scjg = await agencyOf('scjg_admin');
    const own = await (await as('scjg_admin')).get(`/api/agencies/${scjg}`);
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.can, { edit: true, manageOfficers: true });
    const officer = await (await as('scjg_officer1')).get(`/api/agencies/${scjg}`);
    assert.deepEqual(officer.body.can, { edit: false, manageOfficers: false });
    const head = await (await as('scjg_head')).get(`/api/agencies/${scjg}`);
    assert.deepEqual(head.body.can, { edit: false, manageOfficers: false });
  });

  test('another agency is not the admin’s to see or edit; its supervisor may edit it', async () => {
    const scjg = await agencyOf('scjg_admin');
    const cg = await agencyOf('cg_admin');
    const admin = await as('scjg_admin');
    assert.equal((await admin.get(`/api/agencies/${cg}`)).status, 404);
    assert.notEqual((await admin.patch(`/api/agencies/${cg}`, { functions: '试图修改' })).status, 200);
    const cgOwn = await (await as('cg_admin')).get(`/api/agencies/${cg}`);
    assert.deepEqual(cgOwn.body.can, { edit: true, manageOfficers: true });
    const supervisor = await as('supervisor');
    for (const id of [scjg, cg]) {
      assert.deepEqual((await supervisor.get(`/api/agencies/${id}`)).body.can, {
        edit: true,
        manageOfficers: true,
      });
    }
  });

  test('an officer’s record offers the certificate actions its status allows, to those who manage it', async () => {
    const scjg = await agencyOf('scjg_admin');
    const admin = await as('scjg_admin');
    const expected: Record<string, string[]> = {
      valid: ['suspend', 'revoke'],
      suspended: ['reinstate', 'revoke'],
      revoked: [],
    };
    let seen = 0;
    for (const [status, actions] of Object.entries(expected)) {
      const list = await admin.get(`/api/officers?agencyId=${scjg}&status=${status}&auxiliary=false`);
      const o = list.body.items.find((x: { status: string }) => x.status === status);
      if (!o) continue;
      seen++;
      const detail = await admin.get(`/api/officers/${o.id}`);
      assert.deepEqual(detail.body.can, { edit: true, certificateActions: actions }, status);
    }
    assert.ok(seen >= 2, 'the demo has officers in at least two certificate states');

    const aux = (await admin.get(`/api/officers?agencyId=${scjg}&auxiliary=true`)).body.items[0];
    assert.deepEqual((await admin.get(`/api/officers/${aux.id}`)).body.can, {
      edit: true,
      certificateActions: [],
    });

    // The officer reads their own record but manages nothing.
    const officer = await as('scjg_officer1');
    const ownId = (await officer.get('/api/auth/me')).body.user.officerId;
    assert.deepEqual((await officer.get(`/api/officers/${ownId}`)).body.can, {
      edit: false,
      certificateActions: [],
    });
  });
});
