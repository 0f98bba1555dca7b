import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { evaluateCaseForReview, reviewCatalogueFor } from '../src/modules/catalog/service.ts';
import { reviewerQualificationViolations } from '../src/modules/org/rules/index.ts';
import { reviewerRecords } from '../src/modules/org/service.ts';
import { expectUnchanged, rows } from './helpers/fingerprint.ts';
import { shanghaiDay } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// 重大执法决定法制审核目录清单 (L2, 行政处罚法 art. 58) over the real server: the demo's catalogue is read,
// a new version is saved by the agency's admin only, and the version in force follows the effective date.
let server: TestServer;
let admin: Client;
let agencyId: string;
before(async () => {
  server = await startServer();
  admin = await loggedIn(server, 'scjg_admin');
  agencyId = (await admin.get('/api/auth/me')).body.user.agencyId;
});
after(async () => {
  await server?.close();
});

const path = () => `/api/agencies/${agencyId}/review-catalogue`;
const versions = async () =>
  Number(
    (
      await rows<{ n: number }>(
        server.database.db,
        sql`select count(*)::int as n from review_catalogue_versions where agency_id = ${agencyId}`,
      )
    )[0]!.n,
  );
const companyFine = {
  label: '对法人或者其他组织处以20万元以上罚款',
  actionTypes: ['penalty'],
  partyTypes: ['legal_person', 'other_organisation'],
  conditions: [{ kind: 'fine_at_least', fen: 20_000_000 }],
};

test('staff read the catalogue in force, in Chinese, with the form options', async () => {
  const officer = await loggedIn(server, 'scjg_officer1');
  const r = await officer.get(path());
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.current.version, 1, 'the demo seeded version 1');
  assert.equal(r.body.current.statusLabel, '现行有效');
  assert.equal(r.body.can.edit, false, 'an officer reads but does not edit');
  const fine = r.body.current.entries.find((e: { label: string }) => e.label.includes('法人或者其他组织'));
  assert.ok(fine, 'the company fine entry is listed');
  assert.equal(fine.conditions[0].description, '罚款金额达到100,000元', 'the condition in words');
  assert.deepEqual(fine.partyTypeLabels, ['法人', '其他组织']);
  assert.deepEqual(fine.actionTypeLabels, ['行政处罚']);
  assert.ok(r.body.choices.penaltyKinds.some((c: { label: string }) => c.label === '吊销许可证件'));
  const sup = await loggedIn(server, 'supervisor');
  const s = await sup.get(path());
  assert.equal(s.status, 200, 'the supervisor of the region reads it');
  assert.equal(s.body.can.edit, false, 'a supervisor does not edit an agency catalogue');
  assert.equal((await admin.get(path())).body.can.edit, true, 'the agency admin may edit');
});

test('the admin saves a new version; ids are kept; the version in force follows the effective date', async () => {
  const before = (await admin.get(path())).body;
  const kept = before.current.entries.map(
    (e: {
      id: string;
      label: string;
      actionTypes: string[];
      partyTypes: string[];
      conditions: { kind: string; fen?: number; kinds?: string[]; grounds?: string[] }[];
    }) => ({
      id: e.id,
      label: e.label,
      actionTypes: e.actionTypes,
      partyTypes: e.partyTypes,
      conditions: e.conditions.map(({ kind, fen, kinds, grounds }) => ({
        kind,
        ...(fen !== undefined ? { fen } : {}),
        ...(kinds ? { kinds } : {}),
        ...(grounds ? { grounds } : {}),
      })),
    }),
  );
  const n = await versions();
  const future = shanghaiDay(10);
  const saved = await admin.request('PUT', path(), {
    effectiveFrom: future,
    note: '提高罚款数额标准',
    entries: [...kept, companyFine],
  });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(await versions(), n + 1, 'one new version row');
  assert.equal(saved.body.current.version, before.current.version, 'today the old version is still in force');
  assert.equal(saved.body.upcoming.length, 1, 'the new version is upcoming');
  const upcoming = saved.body.upcoming[0];
  assert.equal(upcoming.version, n + 1, 'version = previous + 1');
  assert.equal(upcoming.statusLabel, '待生效');
  assert.deepEqual(
    upcoming.entries.slice(0, kept.length).map((e: { id: string }) => e.id),
    kept.map((e: { id: string }) => e.id),
    'ids sent back are kept',
  );
  const added = upcoming.entries.at(-1);
  assert.match(added.id, /^e\d+$/, 'the server numbers the new entry');
  assert.ok(!kept.some((e: { id: string }) => e.id === added.id), 'with an id of its own');

  const db = server.database.db;
  assert.equal((await reviewCatalogueFor(db, agencyId, shanghaiDay()))?.version, before.current.version);
  assert.equal((await reviewCatalogueFor(db, agencyId, future))?.version, n + 1, 'in force from its day');
  assert.equal(
    (await reviewCatalogueFor(db, agencyId, '2022-01-01'))?.version,
    1,
    'the demo version for 2022',
  );
  assert.equal(
    await reviewCatalogueFor(db, agencyId, '2020-01-01'),
    null,
    'nothing in force before 2021-07-15',
  );

  const facts = {
    actionType: 'penalty' as const,
    partyType: 'legal_person' as const,
    penalty: { kinds: ['fine' as const], fineFen: 20_000_000 },
    seizedValueFen: null,
    hearingHeld: false,
    grounds: [],
  };
  const onFuture = await evaluateCaseForReview(db, agencyId, future, facts);
  assert.equal(onFuture.catalogueVersion, n + 1);
  assert.ok(
    onFuture.matched.some((m) => m.label === companyFine.label),
    'a 20万元 fine on a company matches the new entry on its day',
  );
  const small = await evaluateCaseForReview(db, agencyId, future, {
    ...facts,
    penalty: { kinds: ['fine'], fineFen: 100_000 },
  });
  assert.deepEqual(small.matched, [], 'a 1,000元 fine is not major');
});

test('refusals name the entry and the field, and change nothing', async () => {
  const n = await versions();
  const refused = async (body: unknown, code: string, field: string | RegExp) => {
    const r = await expectUnchanged(server.database.db, () => admin.request('PUT', path(), body));
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, code, r.text);
    if (typeof field === 'string') assert.equal(r.body.error.field, field, r.text);
    else assert.match(r.body.error.field, field, r.text);
    return r.body.error.message as string;
  };
  const msg = await refused(
    {
      effectiveFrom: shanghaiDay(),
      entries: [companyFine, { ...companyFine, conditions: [{ kind: 'fine_at_least', fen: 1.5 }] }],
    },
    'INVALID_REVIEW_CATALOGUE',
    'entries.1.conditions.0.fen',
  );
  assert.match(
    msg,
    /第2项「对法人或者其他组织处以20万元以上罚款」/,
    'the entry is named by position and label',
  );
  await refused(
    { effectiveFrom: shanghaiDay(), entries: [{ ...companyFine, label: '' }] },
    'INVALID_REVIEW_CATALOGUE',
    'entries.0.label',
  );
  await refused(
    { effectiveFrom: shanghaiDay(), entries: [{ ...companyFine, conditions: [] }] },
    'INVALID_REVIEW_CATALOGUE',
    'entries.0.conditions',
  );
  await refused(
    { effectiveFrom: shanghaiDay(), entries: [{ ...companyFine, partyTypes: ['alien'] }] },
    'INVALID_REVIEW_CATALOGUE',
    'entries.0.partyTypes',
  );
  await refused(
    {
      effectiveFrom: shanghaiDay(),
      entries: [
        { ...companyFine, id: 'e1' },
        { ...companyFine, id: 'e1' },
      ],
    },
    'INVALID_REVIEW_CATALOGUE',
    'entries.1.id',
  );
  await refused(
    { effectiveFrom: shanghaiDay(-1), entries: [companyFine] },
    'EFFECTIVE_DATE_IN_PAST',
    'effectiveFrom',
  );
  assert.equal(await versions(), n, 'no version was added by a refused save');
});

test('an officer, a supervisor and another agency’s admin may not save', async () => {
  const body = { effectiveFrom: shanghaiDay(), entries: [companyFine] };
  for (const [user, status, code] of [
    ['scjg_officer1', 403, 'FORBIDDEN'],
    ['supervisor', 403, 'FORBIDDEN'],
    ['cg_admin', 404, 'AGENCY_NOT_FOUND'],
  ] as const) {
    const c = await loggedIn(server, user);
    const r = await expectUnchanged(server.database.db, () => c.request('PUT', path(), body));
    assert.equal(r.status, status, `${user}: ${r.text}`);
    assert.equal(r.body.error.code, code, user);
  }
});

test('the demo legal reviewer holds the 法律职业资格 and may review (行政处罚法 art. 58 para 2)', async () => {
  const reviewer = await loggedIn(server, 'scjg_reviewer');
  const officerId = (await reviewer.get('/api/auth/me')).body.user.officerId as string;
  const [record] = await reviewerRecords(server.database.db, [officerId]);
  assert.ok(record, 'the reviewer is found');
  assert.equal(record.inReviewUnit, true, 'in the review unit');
  assert.ok(record.legalQualificationNo, 'holds a qualification number');
  assert.deepEqual(reviewerQualificationViolations(record, shanghaiDay()), []);

  // Through the API: the admin records a new reviewer's start without a number; the rule then refuses.
  const detail = await admin.get(`/api/officers/${officerId}`);
  assert.equal(detail.body.legalQualificationNo, record.legalQualificationNo, 'the detail shows the number');
  const cleared = await admin.patch(`/api/officers/${officerId}`, {
    legalQualificationNo: null,
    reviewingSince: '2023-03-01',
  });
  assert.equal(cleared.status, 200, cleared.text);
  const [after] = await reviewerRecords(server.database.db, [officerId]);
  assert.deepEqual(
    reviewerQualificationViolations(after!, shanghaiDay()).map((v) => v.code),
    ['REVIEWER_NEEDS_LEGAL_QUALIFICATION'],
  );
  const future = await expectUnchanged(server.database.db, () =>
    admin.patch(`/api/officers/${officerId}`, { reviewingSince: shanghaiDay(3) }),
  );
  assert.equal(future.status, 400, 'a start date in the future is refused');
  assert.equal(future.body.error.field, 'reviewingSince');
  const long = await expectUnchanged(server.database.db, () =>
    admin.patch(`/api/officers/${officerId}`, { legalQualificationNo: 'A'.repeat(41) }),
  );
  assert.equal(long.status, 400, 'a number over 40 characters is refused');
  const restored = await admin.patch(`/api/officers/${officerId}`, {
    legalQualificationNo: record.legalQualificationNo,
    reviewingSince: record.reviewingSince,
  });
  assert.equal(restored.status, 200, restored.text);
});
