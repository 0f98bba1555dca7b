/**
 * Rule numbers of the foundation issue, in one named place. Nothing else in the code may write these
 * numbers as literals: it reads them from here (later from the region's versioned rulebook, which starts
 * from these defaults; REQUIREMENTS "Rules differ by place").
 *
 * Seed references use `seed-file:item` as in REQUIREMENTS.md; seed files are in shared/seeds/:
 *   000 = 蚌埠市 (2019), 001 = 延安 延政办函〔2019〕79号, 002 = 石嘴山市大武口区 石大政办发〔2024〕12号 (宁夏).
 *
 * Numbers found in the seeds that belong to later issues and are NOT parameters yet:
 *   000:22 音像记录 "应在24小时内" stored in the agency's system; "自行政执法行为终结之日起30日内" archived.
 *   002:323 年度报告 "于每年1月15日前" (宁夏 local rule).
 */
export type RuleUnit = 'ratio' | 'persons' | 'hours' | 'times' | 'minutes';

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
  | 'sessionAbsoluteHours';

/** A rulebook maps each key to its parameter; a later issue versions it per region. */
export type Rulebook = Readonly<Record<RuleKey, Readonly<RuleParameter>>>;

export const RULE_UNIT_LABELS: Readonly<Record<RuleUnit, string>> = {
  ratio: '比例',
  persons: '人',
  hours: '小时',
  times: '次',
  minutes: '分钟',
};

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
});
