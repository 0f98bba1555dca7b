/**
 * Rule numbers of the platform, in one named place. Nothing else in the code may write these
 * numbers as literals: it reads them from here (later from the region's versioned rulebook, which starts
 * from these defaults; REQUIREMENTS "Rules differ by place").
 *
 * Seed references use `seed-file:item` as in REQUIREMENTS.md; seed files are in shared/seeds/:
 *   000 = 蚌埠市 (2019), 001 = 延安 延政办函〔2019〕79号, 002 = 石嘴山市大武口区 石大政办发〔2024〕12号 (宁夏).
 *
 * Numbers found in the seeds that belong to later issues and are NOT parameters yet:
 *   002:323 年度报告 "于每年1月15日前" (宁夏 local rule).
 *
 * A region's rulebook overrides these defaults where its own documents say so; see resolve.ts for the
 * inheritance (region → parent → these defaults) and for the keys only a law may change.
 */
export type RuleUnit =
  | 'ratio'
  | 'persons'
  | 'hours'
  | 'times'
  | 'minutes'
  /** Calendar days ("N 日"): counted from + N (REQUIREMENTS "Conventions for time limits"). */
  | 'days'
  /** "N 个工作日", and the law's 二日、三日、五日、七日 (行政处罚法 art. 85), on the official calendar. */
  | 'working_days'
  | 'percent_per_day'
  | 'yuan'
  /** Months ("N 个月"): the corresponding day of the N-th month, else its last day (民法典 art. 202). */
  | 'months';

/** national: law or State Council; local: a place's own document (a region may differ); platform: our policy. */
export type RuleOrigin = 'national' | 'local' | 'platform';

export type RuleSource = {
  /** 中文出处, quoted where short. */
  zh: string;
  en: string;
  /** Where the seeds say it, e.g. `000:27-28`. */
  seedRef?: string;
};

export type RuleParameter = {
  value: number;
  unit: RuleUnit;
  origin: RuleOrigin;
  source: RuleSource;
};

export type RuleKey =
  | 'legalReviewerMinRatio'
  | 'minOfficersPerAction'
  | 'trainingHoursPerYear'
  | 'loginMaxFailures'
  | 'loginLockoutMinutes'
  | 'sessionIdleHours'
  | 'sessionAbsoluteHours'
  | 'decisionTimeLimitDays'
  | 'decisionExtensionDays'
  | 'decisionExtensionsMax'
  | 'statementDefenceWorkingDays'
  | 'hearingRequestWorkingDays'
  | 'hearingNoticeWorkingDays'
  | 'serviceWorkingDays'
  | 'paymentDays'
  | 'lateSurchargePercentPerDay'
  | 'onSpotCollectionMaxYuan'
  | 'onSpotRemittanceWorkingDays'
  | 'bankDepositWorkingDays'
  | 'evidencePreservationWorkingDays'
  | 'summaryFineMaxNaturalPersonYuan'
  | 'summaryFineMaxOrganisationYuan'
  | 'hearingLargeFineNaturalPersonYuan'
  | 'hearingLargeFineOrganisationYuan'
  | 'hearingLargeConfiscationNaturalPersonYuan'
  | 'hearingLargeConfiscationOrganisationYuan'
  | 'coerciveTermDays'
  | 'coerciveExtensionDays'
  | 'demandNoticeWaitWorkingDays'
  | 'reconsiderationDays'
  | 'litigationMonths'
  | 'courtEnforcementApplicationMonths'
  | 'archivingDays'
  | 'avUploadHours'
  | 'spotCheckMinCoverage'
  | 'publicationPenaltyLicenceWorkingDays'
  | 'publicationOtherWorkingDays'
  | 'clockWarningDays'
  | 'limitationMonths'
  | 'limitationSafetyMonths'
  | 'leadFilingWorkingDays'
  | 'leadFilingExtensionWorkingDays'
  | 'legalReviewWorkingDays'
  | 'legalReviewExtensionWorkingDays'
  | 'publicationWithdrawalWorkingDays'
  | 'publicationPeriodMinMonths'
  | 'publicationPeriodSafetyMinMonths'
  | 'publicationPeriodMaxMonths';

/** A rulebook maps each key to its parameter; a later issue versions it per region. */
export type Rulebook = Readonly<Record<RuleKey, Readonly<RuleParameter>>>;

export const RULE_UNIT_LABELS: Readonly<Record<RuleUnit, string>> = {
  ratio: '比例',
  persons: '人',
  hours: '小时',
  times: '次',
  minutes: '分钟',
  days: '日',
  working_days: '个工作日',
  percent_per_day: '%/日',
  yuan: '元',
  months: '个月',
};

const XZCFF = '《中华人民共和国行政处罚法》';
const XZQZF = '《中华人民共和国行政强制法》';
/** 行政处罚法 art. 85: only 二日、三日、五日、七日 are working days; every other "日" is a calendar day. */
const ART85 = '第八十五条：“本法中‘二日’‘三日’‘五日’‘七日’的规定是指工作日，不含法定节假日。”';
const HEARING_AMOUNT_NOTE =
  '第六十三条只规定“较大数额”，具体数额由省级人民政府或国务院有关部门规定，各地各部门不同；此为演示默认值，部署时应按本省（本部门）规定配置';

const GUOBAN_2018_118 =
  '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）';

function param(p: RuleParameter): Readonly<RuleParameter> {
  return Object.freeze({ ...p, source: Object.freeze({ ...p.source }) });
}

export const RULEBOOK_DEFAULTS: Rulebook = Object.freeze({
  legalReviewerMinRatio: param({
    value: 0.05,
    unit: 'ratio',
    origin: 'national',
    source: {
      zh: `${GUOBAN_2018_118}；蚌埠市实施方案第28条：“原则上各行政执法机关的法制审核人员不少于本单位执法人员总数的5%”`,
      en: "State Council General Office Guideline No. 118 (2018); Bengbu implementation plan item 28: legal reviewers must in principle number at least 5% of the agency's enforcement officers",
      seedRef: '000:27-28; 002 task 35',
    },
  }),
  minOfficersPerAction: param({
    value: 2,
    unit: 'persons',
    origin: 'national',
    source: {
      zh: '《中华人民共和国行政处罚法》第四十二条：“执法人员不得少于两人，法律另有规定的除外”；大武口区任务分解表第5项：“不少于2人持证执法”',
      en: 'Administrative Penalty Law (2021) art. 42: at least two enforcement officers, unless a law provides otherwise; Dawukou task 5: at least two certified officers',
      seedRef: '002 task 5',
    },
  }),
  trainingHoursPerYear: param({
    value: 60,
    unit: 'hours',
    origin: 'local',
    source: {
      zh: '石大政办发〔2024〕12号《大武口区提升行政执法质量三年行动会商制度及任务分解表》第3项：“确保行政机关行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能培训”',
      en: 'Dawukou District (Ningxia) task breakdown No. 12 (2024), task 3: each enforcement officer receives at least 60 class hours of legal, professional and enforcement-skills training per year',
      seedRef: '002 task 3',
    },
  }),
  loginMaxFailures: param({
    value: 5,
    unit: 'times',
    origin: 'platform',
    source: {
      zh: '平台安全策略（非法律规定）：连续登录失败达到该次数即锁定账户',
      en: 'Platform security policy, not law: consecutive failed logins before the account is locked',
    },
  }),
  loginLockoutMinutes: param({
    value: 15,
    unit: 'minutes',
    origin: 'platform',
    source: {
      zh: '平台安全策略（非法律规定）：账户锁定时长',
      en: 'Platform security policy, not law: how long a locked account stays locked',
    },
  }),
  sessionIdleHours: param({
    value: 8,
    unit: 'hours',
    origin: 'platform',
    source: {
      zh: '平台安全策略（非法律规定）：会话闲置超过该时长即失效',
      en: 'Platform security policy, not law: a session ends after this much inactivity',
    },
  }),
  sessionAbsoluteHours: param({
    value: 12,
    unit: 'hours',
    origin: 'platform',
    source: {
      zh: '平台安全策略（非法律规定）：会话自登录起最长有效时长',
      en: 'Platform security policy, not law: a session ends this long after login, active or not',
    },
  }),
  // ── Case handling (issue 3). 行政处罚法 = the 2021 revision. ──────────────────────────────────────
  decisionTimeLimitDays: param({
    value: 90,
    unit: 'days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十条：“行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。”九十日不属第八十五条所列期限，按自然日计算`,
      en: 'Administrative Penalty Law art. 60: decide within 90 days of filing unless a law, regulation or rule provides otherwise; calendar days (art. 85 makes only 2/3/5/7-day limits working days)',
    },
  }),
  decisionExtensionDays: param({
    value: 30,
    unit: 'days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十条允许“法律、法规、规章另有规定”；部门规章通行规定为案情复杂不能在九十日内作出决定的，经行政机关负责人批准可以延长三十日（如《市场监督管理行政处罚程序规定》）`,
      en: 'Art. 60 lets laws, regulations and rules provide otherwise; departmental rules (e.g. the market-regulation penalty procedure rules) allow one 30-day extension approved by the agency head',
    },
  }),
  decisionExtensionsMax: param({
    value: 1,
    unit: 'times',
    origin: 'platform',
    source: {
      zh: '平台默认：办案期限只能经负责人批准延长一次。个别部门规章允许案情特别复杂时经负责人集体讨论再次延期（如市场监管），适用的地区或部门可调整此值',
      en: 'Platform default: one approved extension. Some departmental rules (market regulation) allow a further extension decided collectively by the agency heads; a region may raise this',
    },
  }),
  statementDefenceWorkingDays: param({
    value: 5,
    unit: 'working_days',
    origin: 'platform',
    source: {
      zh: `${XZCFF}第四十四条、第四十五条规定当事人有权陈述、申辩，但未规定期限；平台默认自告知书送达之日起五个工作日（部门规章通行做法，与第六十四条听证申请期限一致），可按地区调整`,
      en: 'Arts. 44-45 grant statement and defence without a time limit; platform default of 5 working days from service of the rights notice, as departmental rules commonly set, aligned with the hearing-request limit',
    },
  }),
  hearingRequestWorkingDays: param({
    value: 5,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十四条第（一）项：“当事人要求听证的，应当在行政机关告知后五日内提出”；${ART85}`,
      en: 'Administrative Penalty Law art. 64(1): a hearing is requested within 5 days of the notice; art. 85: working days',
    },
  }),
  hearingNoticeWorkingDays: param({
    value: 7,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十四条第（二）项：“行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点”；${ART85}`,
      en: 'Art. 64(2): the party is notified of the time and place 7 days before the hearing; art. 85: working days',
    },
  }),
  serviceWorkingDays: param({
    value: 7,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十一条：“行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内……送达当事人”；${ART85}`,
      en: 'Art. 61: the decision is handed over on the spot, or served within 7 days when the party is absent; art. 85: working days',
    },
  }),
  paymentDays: param({
    value: 15,
    unit: 'days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十七条第三款：“当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款”（自然日）`,
      en: 'Art. 67(3): the fine is paid within 15 days of receiving the decision (calendar days)',
    },
  }),
  lateSurchargePercentPerDay: param({
    value: 3,
    unit: 'percent_per_day',
    origin: 'national',
    source: {
      zh: `${XZCFF}第七十二条第一款第（一）项：“到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额”；${XZQZF}第四十五条`,
      en: 'Art. 72(1)(1): 3 % of the fine per day late, never more than the fine; Administrative Coercion Law art. 45',
    },
  }),
  // 行政处罚法 arts. 68–71: on-the-spot collection of a fine, and what happens to the money after.
  onSpotCollectionMaxYuan: param({
    value: 100,
    unit: 'yuan',
    origin: 'national',
    source: {
      zh: `${XZCFF}第六十八条：“依照本法第五十一条的规定当场作出行政处罚决定，有下列情形之一，执法人员可以当场收缴罚款：（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的。”`,
      en: 'Art. 68: after an on-the-spot decision the officer may collect the fine on the spot when it is 100 yuan or less, or when it would be hard to enforce later',
    },
  }),
  onSpotRemittanceWorkingDays: param({
    value: 2,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第七十一条：“执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关；在水上当场收缴的罚款，应当自抵岸之日起二日内交至行政机关”；${ART85}`,
      en: 'Art. 71: a fine collected on the spot is handed to the agency within 2 days of collection (on water, of landing); art. 85: working days',
    },
  }),
  bankDepositWorkingDays: param({
    value: 2,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第七十一条：“行政机关应当自收到款项之日起二日内将罚款缴付指定的银行”；${ART85}`,
      en: 'Art. 71: the agency pays the fine into the designated bank within 2 days of receiving it; art. 85: working days',
    },
  }),
  // 行政处罚法 art. 56: evidence registered and preserved in advance (先行登记保存).
  evidencePreservationWorkingDays: param({
    value: 7,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第五十六条：“在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定”；${ART85}`,
      en: "Art. 56: evidence preserved in advance with the head's approval is decided on within 7 days; art. 85: working days",
    },
  }),
  summaryFineMaxNaturalPersonYuan: param({
    value: 200,
    unit: 'yuan',
    origin: 'national',
    source: {
      zh: `${XZCFF}第五十一条：“违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。”`,
      en: 'Art. 51: on-the-spot (summary) decisions for warnings or fines up to 200 yuan for a citizen',
    },
  }),
  summaryFineMaxOrganisationYuan: param({
    value: 3000,
    unit: 'yuan',
    origin: 'national',
    source: {
      zh: `${XZCFF}第五十一条：对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出行政处罚决定`,
      en: 'Art. 51: on-the-spot (summary) decisions for warnings or fines up to 3,000 yuan for a legal person or other organisation',
    },
  }),
  hearingLargeFineNaturalPersonYuan: param({
    value: 10_000,
    unit: 'yuan',
    origin: 'local',
    source: {
      zh: `${XZCFF}第六十三条第一款第（一）项“较大数额罚款”：对自然人罚款一万元以上。${HEARING_AMOUNT_NOTE}`,
      en: 'Art. 63(1)(1) "large fine": 10,000 yuan or more for a natural person. Demo default; the amount is set per province or ministry and must be configured',
    },
  }),
  hearingLargeFineOrganisationYuan: param({
    value: 100_000,
    unit: 'yuan',
    origin: 'local',
    source: {
      zh: `${XZCFF}第六十三条第一款第（一）项“较大数额罚款”：对法人或者其他组织罚款十万元以上。${HEARING_AMOUNT_NOTE}`,
      en: 'Art. 63(1)(1) "large fine": 100,000 yuan or more for a legal person or other organisation. Demo default, provincial and configurable',
    },
  }),
  hearingLargeConfiscationNaturalPersonYuan: param({
    value: 10_000,
    unit: 'yuan',
    origin: 'local',
    source: {
      zh: `${XZCFF}第六十三条第一款第（二）项“没收较大数额违法所得、没收较大价值非法财物”：对自然人一万元以上。${HEARING_AMOUNT_NOTE}`,
      en: 'Art. 63(1)(2) confiscation of a large amount: 10,000 yuan or more for a natural person. Demo default, provincial and configurable',
    },
  }),
  hearingLargeConfiscationOrganisationYuan: param({
    value: 100_000,
    unit: 'yuan',
    origin: 'local',
    source: {
      zh: `${XZCFF}第六十三条第一款第（二）项：对法人或者其他组织没收违法所得或非法财物价值十万元以上。${HEARING_AMOUNT_NOTE}`,
      en: 'Art. 63(1)(2) confiscation of a large amount: 100,000 yuan or more for a legal person or other organisation. Demo default, provincial and configurable',
    },
  }),
  coerciveTermDays: param({
    value: 30,
    unit: 'days',
    origin: 'national',
    source: {
      zh: `${XZQZF}第二十五条第一款：“查封、扣押的期限不得超过三十日”；第六十九条：“本法中十日以内期限的规定是指工作日，不含法定节假日”，三十日为自然日`,
      en: 'Administrative Coercion Law art. 25(1): sealing or seizure lasts at most 30 days; art. 69 makes only limits of 10 days or less working days, so these are calendar days',
    },
  }),
  coerciveExtensionDays: param({
    value: 30,
    unit: 'days',
    origin: 'national',
    source: {
      zh: `${XZQZF}第二十五条第一款：“情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。”第二款：延长决定应当及时书面告知当事人，并说明理由`,
      en: 'Art. 25(1): in complex cases the agency head may extend once by at most 30 days; art. 25(2): the party is told in writing with reasons',
    },
  }),
  // Court enforcement of a fine (行政处罚法 art. 72(1)(4)): 行政强制法 arts. 53–54.
  demandNoticeWaitWorkingDays: param({
    value: 10,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZQZF}第五十四条：“行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，行政机关可以向所在地有管辖权的人民法院申请强制执行”；第六十九条：“本法中十日以内期限的规定是指工作日，不含法定节假日”`,
      en: 'Administrative Coercion Law art. 54: before applying to the court the agency serves a demand (催告); it may apply when the party has not performed 10 days after service; art. 69: limits of 10 days or less are working days',
    },
  }),
  reconsiderationDays: param({
    value: 60,
    unit: 'days',
    origin: 'national',
    source: {
      zh: '《中华人民共和国行政复议法》（2023年修订）第二十条第一款：“公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请”',
      en: 'Administrative Reconsideration Law (2023) art. 20(1): reconsideration is applied for within 60 days of knowing of the act',
    },
  }),
  litigationMonths: param({
    value: 6,
    unit: 'months',
    origin: 'national',
    source: {
      zh: '《中华人民共和国行政诉讼法》第四十六条第一款：“公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。法律另有规定的除外。”',
      en: 'Administrative Litigation Law art. 46(1): a suit is brought within 6 months of knowing of the act',
    },
  }),
  courtEnforcementApplicationMonths: param({
    value: 3,
    unit: 'months',
    origin: 'national',
    source: {
      zh: `${XZQZF}第五十三条：“当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内，依照本章规定申请人民法院强制执行。”；${XZCFF}第七十二条第一款第（四）项`,
      en: 'Administrative Coercion Law art. 53: when the remedy periods pass unused and the decision is not performed, the agency may apply to the court within 3 months of their end; Administrative Penalty Law art. 72(1)(4)',
    },
  }),
  archivingDays: param({
    value: 30,
    unit: 'days',
    origin: 'local',
    source: {
      zh: '蚌埠市任务分解方案第22条：“行政执法机关应当自行政执法行为终结之日起30日内将行政执法过程中形成的文字和音像记录资料形成相应案卷”',
      en: 'Bengbu task plan item 22: the case file is formed within 30 days of the end of the enforcement action',
      seedRef: '000:22',
    },
  }),
  avUploadHours: param({
    value: 24,
    unit: 'hours',
    origin: 'local',
    source: {
      zh: '蚌埠市任务分解方案第22条：“音像记录制作完成后，行政执法人员应在24小时内按要求将信息储存至本机关执法信息系统，不得自行保管”',
      en: "Bengbu task plan item 22: an AV record is stored in the agency's system within 24 hours of being made; officers may not keep it themselves",
      seedRef: '000:22',
    },
  }),
  spotCheckMinCoverage: param({
    value: 0.6,
    unit: 'ratio',
    origin: 'local',
    source: {
      zh: '延政办函〔2019〕79号 一(二)：“建立执法机构负责人和专门法制机构或法制审核人员随机调阅、抽查制度，调阅、抽查面应覆盖记录档案60%以上”',
      en: "Yan'an No. 79 (2019) 1(2): heads and legal units spot-check records at random, covering at least 60% of the record files",
      seedRef: '001 一(二)',
    },
  }),
  publicationPenaltyLicenceWorkingDays: param({
    value: 7,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${GUOBAN_2018_118}；蚌埠市任务分解方案第11条：“行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开”`,
      en: 'State Council General Office Guideline No. 118 (2018); Bengbu item 11: licence and penalty decisions are published within 7 working days',
      seedRef: '000:11',
    },
  }),
  publicationOtherWorkingDays: param({
    value: 20,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${GUOBAN_2018_118}；蚌埠市任务分解方案第11条：“行政执法机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息”`,
      en: 'Guideline No. 118 (2018); Bengbu item 11: other enforcement decisions are published within 20 working days',
      seedRef: '000:11',
    },
  }),
  // 行政处罚法 art. 36: the limitation of penalties, counted from the act or the end of a continuing act.
  limitationMonths: param({
    value: 24,
    unit: 'months',
    origin: 'national',
    source: {
      zh: `${XZCFF}第三十六条第一款：“违法行为在二年内未被发现的，不再给予行政处罚……法律另有规定的除外。”第二款：“前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。”二年按二十四个月计`,
      en: 'Administrative Penalty Law art. 36: a violation not discovered within 2 years (24 months) is not penalised, counted from the act or from the end of a continuing act, unless a law provides otherwise',
    },
  }),
  limitationSafetyMonths: param({
    value: 60,
    unit: 'months',
    origin: 'national',
    source: {
      zh: `${XZCFF}第三十六条第一款：“涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。”五年按六十个月计`,
      en: "Art. 36(1): where citizens' life and health safety or financial safety is involved and harm resulted, the period is 5 years (60 months)",
    },
  }),
  leadFilingWorkingDays: param({
    value: 15,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: '《市场监督管理行政处罚程序规定》：对投诉、举报、其他机关移送、上级交办或者依职权发现的案件线索，自发现线索或者收到材料之日起十五个工作日内予以核查，由负责人决定是否立案。平台以此为默认值，其他部门或地区另有规定的可以调整',
      en: 'Market-regulation penalty procedure rules: a lead is checked and the head decides whether to file within 15 working days of its discovery or receipt; the platform default, other departments or regions may differ',
    },
  }),
  leadFilingExtensionWorkingDays: param({
    value: 15,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: '《市场监督管理行政处罚程序规定》：特殊情况下，经负责人批准，可以延长十五个工作日（只能延长一次）。平台以此为默认值，其他部门或地区另有规定的可以调整',
      en: 'Market-regulation penalty procedure rules: in special circumstances the head may approve one extension of 15 working days; the platform default, other departments or regions may differ',
    },
  }),
  legalReviewWorkingDays: param({
    value: 5,
    unit: 'working_days',
    origin: 'local',
    source: {
      zh: '《安徽省重大行政执法决定法制审核规定》：法制审核机构一般应当自收到送审材料之日起五个工作日内完成审核；蚌埠市实施方案第32条：按照规定的职责、程序、时限完成审核。其他地区按本地规定配置',
      en: 'Anhui provincial rules on legal review of major enforcement decisions: the review unit normally completes a review within 5 working days of receiving the materials; Bengbu implementation plan item 32',
      seedRef: '000:32',
    },
  }),
  legalReviewExtensionWorkingDays: param({
    value: 5,
    unit: 'working_days',
    origin: 'local',
    source: {
      zh: '《安徽省重大行政执法决定法制审核规定》：情况复杂的，经法制审核机构负责人批准可以延长五个工作日（延长一次）。其他地区按本地规定配置',
      en: 'Anhui provincial rules on legal review: a complex review may be extended once by 5 working days with approval',
      seedRef: '000:32',
    },
  }),
  // 行政处罚法 art. 48 para 2 "三日内撤回" is working days by art. 85; the Bengbu task list says 3个工作日.
  publicationWithdrawalWorkingDays: param({
    value: 3,
    unit: 'working_days',
    origin: 'national',
    source: {
      zh: `${XZCFF}第四十八条第二款：“公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。”${ART85}；蚌埠市任务分解方案第12条：“应当在3个工作日内从信息公示平台撤下原行政执法决定信息”`,
      en: 'Administrative Penalty Law art. 48 para 2 (withdraw within three days, working days by art. 85); Bengbu item 12: 3 working days',
      seedRef: '000:12',
    },
  }),
  publicationPeriodMinMonths: param({
    value: 3,
    unit: 'months',
    origin: 'national',
    source: {
      zh: '《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）：涉及一般失信行为的行政处罚信息最短公示期为三个月',
      en: 'NDRC Order No. 58 (2023) on credit repair: penalty information on ordinary dishonest conduct is published for at least three months',
    },
  }),
  publicationPeriodSafetyMinMonths: param({
    value: 12,
    unit: 'months',
    origin: 'national',
    source: {
      zh: '信用中国行政处罚信息公示规则：涉及特种设备、安全生产、消防领域的行政处罚信息最短公示期为一年',
      en: 'Credit China publication rules: penalties in special equipment, work safety and fire safety are published for at least one year',
    },
  }),
  publicationPeriodMaxMonths: param({
    value: 36,
    unit: 'months',
    origin: 'national',
    source: {
      zh: '《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）：行政处罚信息最长公示期为三年',
      en: 'NDRC Order No. 58 (2023): penalty information is published for at most three years',
    },
  }),
  clockWarningDays: param({
    value: 3,
    unit: 'days',
    origin: 'platform',
    source: {
      zh: '平台提醒策略（非法律规定）：期限届满前该天数内（按期限本身的计算方式，工作日期限按工作日）发出预警',
      en: "Platform policy, not law: a clock warns this many days before it is due, counted in the clock's own basis",
    },
  }),
});
