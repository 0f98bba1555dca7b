import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULEBOOK_DEFAULTS } from '../../../platform/rulebook/defaults.ts';
import { mayOpenRecord } from './access.ts';
import { assembleCaseFile, checkCompleteness, completenessViolations } from './case-file.ts';
import { checkEvidenceMetadata, isLateUpload } from './evidence.ts';
import { coverageOf, drawSample, spotCheckSampleSize } from './spot-check.ts';

const H = 3_600_000;
const hash = (c: string) => c.repeat(64);

describe('24-hour upload rule (R5, seed 000 item 22)', () => {
  const hours = RULEBOOK_DEFAULTS.avUploadHours.value;
  const captured = new Date('2026-03-02T10:00:00+08:00');
  test('exactly 24 hours after capture is in time; a millisecond more is late', () => {
    assert.equal(hours, 24);
    assert.equal(isLateUpload(captured, new Date(captured.getTime() + 24 * H), hours), false);
    assert.equal(isLateUpload(captured, new Date(captured.getTime() + 24 * H + 1), hours), true);
    assert.equal(isLateUpload(captured, new Date(captured.getTime() + 23 * H), hours), false);
  });
});

describe('AV record metadata (R3)', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const base = {
    stepKey: 'investigation',
    mediaType: 'video' as const,
    title: '现场录像',
    fileName: 'a.mp4',
    mimeType: 'video/mp4',
    capturedAt: new Date('2026-03-02T11:00:00Z'),
    deviceId: 'd',
    officerId: 'o',
    location: '蚌埠市',
    confidentiality: 'none' as const,
  };
  test('a complete AV record passes', () => assert.deepEqual(checkEvidenceMetadata(base, now), []));
  test('AV needs device, officer and location; each missing one is named', () => {
    const v = checkEvidenceMetadata({ ...base, deviceId: null, officerId: null, location: ' ' }, now);
    assert.deepEqual(
      v.map((x) => x.field),
      ['deviceId', 'officerId', 'location'],
    );
    for (const x of v) assert.match(x.message, /[\u4e00-\u9fff]/);
  });
  test('a document scan needs none of them', () => {
    assert.deepEqual(
      checkEvidenceMetadata(
        { ...base, mediaType: 'document', deviceId: null, officerId: null, location: null },
        now,
      ),
      [],
    );
  });
  test('a capture time in the future (beyond clock drift) is refused', () => {
    const v = checkEvidenceMetadata({ ...base, capturedAt: new Date(now.getTime() + H) }, now);
    assert.equal(v[0]?.code, 'EVIDENCE_CAPTURED_IN_FUTURE');
    assert.deepEqual(
      checkEvidenceMetadata({ ...base, capturedAt: new Date(now.getTime() + 60_000) }, now),
      [],
    );
  });
});

describe('who opens a marked record (R8)', () => {
  test('unmarked: anyone in scope, no reason', () => {
    assert.deepEqual(mayOpenRecord({ role: 'auxiliary', onCaseTeam: false }, 'none'), {
      allowed: true,
      reasonRequired: false,
    });
  });
  test('state secret: the case team and the head, with a reason; not legal reviewers or supervisors', () => {
    assert.equal(mayOpenRecord({ role: 'officer', onCaseTeam: true }, 'state_secret').allowed, true);
    assert.equal(mayOpenRecord({ role: 'officer', onCaseTeam: false }, 'state_secret').allowed, false);
    assert.equal(mayOpenRecord({ role: 'agency_head', onCaseTeam: false }, 'state_secret').allowed, true);
    assert.equal(mayOpenRecord({ role: 'legal_reviewer', onCaseTeam: false }, 'state_secret').allowed, false);
    assert.equal(mayOpenRecord({ role: 'supervisor', onCaseTeam: false }, 'state_secret').allowed, false);
    const d = mayOpenRecord({ role: 'officer', onCaseTeam: true }, 'state_secret');
    assert.ok(d.allowed && d.reasonRequired);
  });
  test('trade secret and privacy: also legal reviewers and supervisors; never auxiliaries', () => {
    for (const mark of ['trade_secret', 'personal_privacy'] as const) {
      assert.equal(mayOpenRecord({ role: 'legal_reviewer', onCaseTeam: false }, mark).allowed, true);
      assert.equal(mayOpenRecord({ role: 'supervisor', onCaseTeam: false }, mark).allowed, true);
      assert.equal(mayOpenRecord({ role: 'agency_admin', onCaseTeam: false }, mark).allowed, false);
      assert.equal(mayOpenRecord({ role: 'auxiliary', onCaseTeam: true }, mark).allowed, false);
    }
  });
});

describe('case file assembly and completeness (R7)', () => {
  const items = assembleCaseFile({
    documents: [
      {
        id: 'd2',
        kind: 'penalty_decision',
        title: '决定书',
        number: '2号',
        contentHash: hash('b'),
        at: '2026-03-05T02:00:00.000Z',
      },
      {
        id: 'd1',
        kind: 'filing_approval',
        title: '立案审批表',
        number: null,
        contentHash: hash('a'),
        at: '2026-03-01T02:00:00.000Z',
      },
    ],
    evidence: [
      {
        id: 'e1',
        stepKey: 'investigation',
        title: '照片',
        fileName: 'p.png',
        contentHash: hash('c'),
        at: '2026-03-02T02:00:00.000Z',
      },
      {
        id: 'e2',
        stepKey: 'other',
        title: '同时',
        fileName: 'x.pdf',
        contentHash: hash('d'),
        at: '2026-03-05T02:00:00.000Z',
      },
    ],
  });
  test('records in time order, documents first at the same instant, numbered from 1', () => {
    assert.deepEqual(
      items.map((i) => [i.seq, i.recordId]),
      [
        [1, 'd1'],
        [2, 'e1'],
        [3, 'd2'],
        [4, 'e2'],
      ],
    );
  });
  test('missing documents and AV steps are each reported', () => {
    const c = checkCompleteness(
      {
        documents: [
          { kind: 'filing_approval', label: '立案审批表', step: '立案' },
          { kind: 'service_receipt', label: '送达回证', step: '送达' },
        ],
        av: [
          { step: 'investigation', label: '调查取证' },
          { step: 'hearing', label: '听证' },
        ],
      },
      items,
      new Set(['investigation']),
    );
    assert.equal(c.complete, false);
    assert.deepEqual(
      c.missingDocuments.map((d) => d.kind),
      ['service_receipt'],
    );
    assert.deepEqual(
      c.missingAv.map((a) => a.step),
      ['hearing'],
    );
    assert.deepEqual(
      completenessViolations(c).map((v) => v.message),
      ['案卷不完整：缺少「送达回证」（送达环节）', '案卷不完整：缺少「听证」环节的音像记录'],
    );
  });
});

describe('spot checks cover at least 60% (R9, seed 001 一(二))', () => {
  const ratio = RULEBOOK_DEFAULTS.spotCheckMinCoverage.value;
  test('the sample is the smallest count not below 60%', () => {
    assert.equal(ratio, 0.6);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 10, 11].map((n) => spotCheckSampleSize(n, ratio)),
      [0, 1, 2, 2, 3, 3, 6, 7],
    );
  });
  test('a sample draws distinct items, uniformly by the injected source', () => {
    const s = drawSample(['a', 'b', 'c', 'd', 'e'], 3, (n) => n - 1);
    assert.deepEqual(s, ['e', 'a', 'b']); // Fisher–Yates with j = the last index each time
    const r = drawSample(['a', 'b', 'c', 'd', 'e'], 3);
    assert.equal(new Set(r).size, 3);
  });
  test('coverage is met when the reviewed files reach the required count', () => {
    assert.deepEqual(coverageOf(5, 3, 2, ratio), {
      population: 5,
      sampled: 3,
      reviewed: 2,
      coverage: 0.4,
      required: 3,
      met: false,
    });
    assert.equal(coverageOf(5, 3, 3, ratio).met, true);
    assert.equal(coverageOf(0, 0, 0, ratio).met, true);
  });
});
