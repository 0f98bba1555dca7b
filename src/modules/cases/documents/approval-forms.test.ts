import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blankSnapshot } from '../rules/transition.ts';
import { checkAgainstCase } from './agreement.ts';
import { type CaseFacts, draftDocument } from './draft.ts';
import { getTemplate } from './templates.ts';

// 立案审批表 and 结案审批表 issued with their step are the head's approval: they carry the head's opinion,
// and their 机关负责人 is the head taking the step.
const facts = (approver?: string): CaseFacts => ({
  title: '涉嫌经营超过保质期食品案',
  snapshot: {
    ...blankSnapshot('c1', 'ordinary', '340321'),
    state: 'executed',
    version: 9,
    documentNo: '蚌市监处罚〔2026〕17号',
    penalty: { kinds: ['fine'], fineFen: 300_000 },
    dates: { filedOn: '2026-03-02', executedOn: '2026-03-28' },
  },
  party: null,
  team: [],
  openPayload: {},
  leadDate: '2026-03-01',
  documents: [],
  evidenceTitles: [],
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  requiresAv: false,
  coerciveTermDays: 30,
  today: '2026-03-30',
  ...(approver ? { approver } : {}),
});

const codesOf = (kind: 'closing_approval' | 'filing_approval', data: Record<string, unknown>, f: CaseFacts) =>
  checkAgainstCase(getTemplate(kind), data as never, f).map((v) => `${v.code}:${v.field}`);

describe('approval forms carry the approver’s opinion', () => {
  for (const kind of ['closing_approval', 'filing_approval'] as const) {
    test(`${kind}: drafted with the acting head as 机关负责人; an empty opinion or another head is refused`, () => {
      const draft = draftDocument(kind, facts('高志刚'));
      assert.equal(draft.agencyHead, '高志刚', 'the approver is the user taking the step');
      assert.equal(draft.agencyHeadDate, '2026-03-30', 'on the day of the step');
      assert.deepEqual(
        codesOf(kind, draft, facts('高志刚')),
        ['DOCUMENT_FIELD_REQUIRED:agencyHeadOpinion'],
        'the head’s opinion is required',
      );
      const signed = { ...draft, agencyHeadOpinion: '同意。' };
      assert.deepEqual(codesOf(kind, signed, facts('高志刚')), [], 'signed by the acting head');
      const other = codesOf(kind, { ...signed, agencyHead: '张卫东' }, facts('高志刚'));
      assert.deepEqual(other, ['DOCUMENT_DISAGREES_WITH_CASE:agencyHead'], 'another head is refused');
      const message = checkAgainstCase(
        getTemplate(kind),
        { ...signed, agencyHead: '' } as never,
        facts('高志刚'),
      );
      assert.match(message[0]?.message ?? '', /机关负责人应为办理本环节的机关负责人「高志刚」/, 'in Chinese');
    });
  }

  test('a form an officer issues on its own is not held to an approver', () => {
    const draft = draftDocument('closing_approval', facts());
    assert.equal(draft.agencyHead, undefined, 'no approver drafted');
    assert.deepEqual(codesOf('closing_approval', draft, facts()), []);
  });
});
