import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeUscc } from '../../../platform/identifiers/uscc.ts';
import { draftNotice, type NoticeSource } from './notice.ts';
import {
  addMonths,
  checkPeriod,
  periodBounds,
  queryTokens,
  searchTokens,
  shownOnPortal,
  statusOn,
} from './publication.ts';
import { csvLine, validateXzcfRow, wanYuan, xzcfRow } from './shuanggongshi.ts';

const RULE = { minMonths: 3, maxMonths: 36, safetyMinMonths: 12 };

describe('publication period (公示期)', () => {
  test('3 months to 3 years; 1 year at least for 特种设备、安全生产、消防', () => {
    const food = periodBounds('对经营超过保质期食品的行政处罚 《中华人民共和国食品安全法》', RULE);
    assert.deepEqual(food, { minMonths: 3, maxMonths: 36, longSector: false });
    const safety = periodBounds('对生产经营单位未按规定配备安全生产管理人员的行政处罚', RULE);
    assert.deepEqual(safety, { minMonths: 12, maxMonths: 36, longSector: true });
    assert.deepEqual(checkPeriod(3, food), []);
    assert.deepEqual(checkPeriod(36, food), []);
    assert.equal(checkPeriod(2, food)[0]?.code, 'PUBLICATION_PERIOD_OUT_OF_RANGE');
    assert.equal(checkPeriod(37, food)[0]?.code, 'PUBLICATION_PERIOD_OUT_OF_RANGE');
    assert.match(checkPeriod(6, safety)[0]?.message ?? '', /至少一年/);
  });

  test('months end on the corresponding day, else the month’s last (民法典 art. 202)', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2026-12-08', 36), '2029-12-08');
  });

  test('a notice leaves the portal the day after its period; withdrawn ones show as such', () => {
    const p = { status: 'published', periodUntil: '2027-03-08' };
    assert.equal(shownOnPortal(p, '2027-03-08'), true);
    assert.equal(shownOnPortal(p, '2027-03-09'), false);
    assert.equal(statusOn(p, '2027-03-09'), 'expired');
    assert.equal(statusOn({ status: 'withdrawn', periodUntil: '2027-03-08' }, '2026-12-09'), 'withdrawn');
  });
});

describe('search tokens', () => {
  test('any substring of two characters is found; one character alone too', () => {
    const t = new Set(searchTokens('蚌埠市惠民乐购超市 蚌市监处罚〔2026〕17号'));
    for (const q of ['惠民', '乐购超市', '处罚', '2026', '17号', '超'])
      for (const tok of queryTokens(q)) assert.ok(t.has(tok), `${q}: ${tok}`);
    assert.ok(!queryTokens('惠超').every((tok) => t.has(tok)), 'not a substring');
    assert.deepEqual(queryTokens('ＡＢＣ１２'), ['abc12'], 'full width folded');
  });
});

const source = (party: NoticeSource['party']): NoticeSource => ({
  category: 'penalty',
  decidedOn: '2026-11-03',
  title: '销售过期酸奶案',
  itemName: '对经营超过保质期食品的行政处罚',
  itemLegalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  party,
  decisionDocument: {
    kind: 'penalty_decision',
    number: '蚌市监处罚〔2026〕1号',
    data: {
      caseCause: '销售超过保质期的食品',
      facts: '当事人在冷柜内陈列销售超过保质期的酸奶18盒，证人王丽华证实。',
      violatedProvision: '《中华人民共和国食品安全法》第三十四条第十项',
      penaltyBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    },
  },
  penalty: { kinds: ['warning', 'fine'], fineFen: 300_000 },
  penaltyKindLabels: ['警告', '罚款'],
  outcomeLabel: null,
  otherPeople: ['王丽华'],
  officers: ['刘海涛', '王建军'],
});
const AGENCY = { name: '蚌埠市市场监督管理局', uscc: makeUscc('11340300MB1234567') };

describe('the public notice', () => {
  test('a company: named with its code and legal representative; witnesses removed', () => {
    const uscc = makeUscc('91340302MA2PX7K1Q');
    const { notice, removed } = draftNotice(
      source({
        type: 'legal_person',
        name: '蚌埠市惠民乐购超市有限公司',
        idNumber: uscc,
        representative: '孙建华',
        address: null,
        phone: null,
      }),
      AGENCY,
      { nameMask: 'surname_mou_mou', manual: [] },
    );
    assert.equal(notice.partyName, '蚌埠市惠民乐购超市有限公司');
    assert.equal(notice.partyCategory, '法人及非法人组织');
    assert.equal(notice.partyCode, uscc);
    assert.equal(notice.legalRepresentative, '孙建华');
    assert.equal(notice.content, '警告；罚款人民币3,000元');
    assert.ok(!notice.facts.includes('王丽华'), 'the witness is not named');
    assert.ok(removed.some((r) => r.kind === 'person_name' && r.original === '王丽华'));
  });

  test('a natural person: masked by the chosen rule, no number, no representative', () => {
    const { notice } = draftNotice(
      source({
        type: 'natural_person',
        name: '欧阳明辉',
        idNumber: '340302198503124417',
        representative: null,
        address: '蚌埠市龙子湖区',
        phone: '13905521234',
      }),
      AGENCY,
      { nameMask: 'surname_mou', manual: [] },
    );
    assert.equal(notice.partyName, '欧阳某');
    assert.equal(notice.partyCategory, '自然人');
    assert.equal(notice.partyCode, null);
    assert.equal(notice.legalRepresentative, null);
  });

  test('a USCC starting 92 is a 个体工商户: its operator is not named', () => {
    const uscc = makeUscc('92340303MA2W1C9F5');
    const { notice } = draftNotice(
      source({
        type: 'legal_person',
        name: '蚌埠市蚌山区拾光咖啡馆',
        idNumber: uscc,
        representative: '郑雨桐',
        address: null,
        phone: null,
      }),
      AGENCY,
      { nameMask: 'surname_mou_mou', manual: [] },
    );
    assert.equal(notice.partyCategory, '个体工商户');
    assert.equal(notice.legalRepresentative, null);
    assert.deepEqual(validateXzcfRow(xzcfRow(notice, '2027-02-03')), []);
  });
});

describe('双公示 行政处罚 rows', () => {
  test('amounts in 万元 to the fen; a row is checked field by field', () => {
    assert.equal(wanYuan(300_000), '0.300000');
    assert.equal(wanYuan(123_456_789), '123.456789');
    assert.equal(wanYuan(null), '');
    const { notice } = draftNotice(
      source({
        type: 'legal_person',
        name: '某公司',
        idNumber: makeUscc('91340302MA2PX7K1Q'),
        representative: '孙建华',
        address: null,
        phone: null,
      }),
      AGENCY,
      { nameMask: 'surname_mou_mou', manual: [] },
    );
    const row = xzcfRow(notice, '2027-02-03');
    assert.deepEqual(validateXzcfRow(row), []);
    assert.equal(row['罚款金额(万元)'], '0.300000');
    const bad = {
      ...row,
      '行政相对人代码_1(统一社会信用代码)': '91340302MA2PX7K1X',
      公示截止期: '2026-13-01',
    };
    const problems = validateXzcfRow(bad);
    assert.ok(
      problems.some((p) => p.includes('校验不通过')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.includes('公示截止期')),
      problems.join(),
    );
    const person = { ...row, 行政相对人类别: '自然人', 证件号码: '340302198503124417' };
    assert.ok(validateXzcfRow(person).some((p) => p.includes('不得公开')));
  });

  test('CSV fields with commas, quotes or line breaks are quoted', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'x\ny']), 'a,"b,c","say ""hi""","x\ny"');
  });
});

describe('the flowchart of a procedure', () => {
  test('the main path runs from filing to the archived file; other ways are listed at their stage', async () => {
    const { flowchart } = await import('../../cases/rules/machine.ts');
    const { flowStages } = await import('./flow.ts');
    const { opening, stages } = flowStages(flowchart('ordinary'));
    assert.match(opening.label, /立案/);
    const labels = stages.map((s) => s.label);
    assert.equal(labels[0], '调查取证');
    assert.equal(labels.at(-1), '已归档');
    for (const l of ['案件审核', '待决定', '已结案']) assert.ok(labels.includes(l), l);
    assert.ok(!labels.includes('撤销立案'), 'not the main way');
    const investigation = stages[0]!;
    assert.ok(
      investigation.also.some((a) => a.toLabel === '撤销立案'),
      'but listed where it can happen',
    );
    assert.equal(stages.at(-1)!.next, null);
  });
});
