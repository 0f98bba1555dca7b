// What the rulebook routes answer.
import Type, { type Static } from 'typebox';
import { RULE_UNIT_LABELS, RULEBOOK_DEFAULTS, type RuleUnit } from './defaults.ts';

const RuleSourceAnswer = Type.Object({
  zh: Type.String({ description: '中文出处' }),
  // A region's own value is stored with the source its author gave: only `zh` is required there.
  en: Type.Optional(Type.String()),
  seedRef: Type.Optional(Type.String({ description: '种子文件中的位置' })),
});

const UNITS = [
  'ratio',
  'persons',
  'hours',
  'times',
  'minutes',
  'days',
  'working_days',
  'percent_per_day',
  'yuan',
  'months',
] as const satisfies readonly RuleUnit[];

const Unit = Type.Enum(UNITS, { description: UNITS.map((u) => `${u}：${RULE_UNIT_LABELS[u]}`).join('；') });

const ResolvedParameterAnswer = Type.Object({
  value: Type.Number(),
  unit: Unit,
  origin: Type.Union([Type.Literal('national'), Type.Literal('local'), Type.Literal('platform')], {
    description: 'national：法律或国务院规定；local：地方规定；platform：平台策略',
  }),
  source: RuleSourceAnswer,
  definedBy: Type.String({ description: 'national，或规定该值的行政区划代码' }),
});

/** `GET /api/public/rulebook`: every rule of the platform, each with its value and where it comes from. */
export const RulebookAnswer = Type.Object({
  regionCode: Type.Union([Type.String(), Type.Null()]),
  version: Type.String({ description: '规则库版本，如 national:3f2a91c0/340300:2' }),
  params: Type.Object(
    Object.fromEntries(
      Object.entries(RULEBOOK_DEFAULTS).map(([key, p]) => [
        key,
        Type.Object(ResolvedParameterAnswer.properties, { description: p.source.zh }),
      ]),
    ),
  ),
});
export type RulebookAnswer = Static<typeof RulebookAnswer>;

const OverrideAnswer = Type.Object({ value: Type.Number(), source: RuleSourceAnswer });

/** One version of a region's own rules. */
export const RulebookLayerAnswer = Type.Object({
  regionCode: Type.String(),
  version: Type.Integer(),
  overrides: Type.Record(Type.String(), OverrideAnswer, { description: '本地区覆盖的规则' }),
  note: Type.String(),
  createdBy: Type.String({ description: '发布人账号' }),
  createdAt: Type.String({ description: 'ISO 8601' }),
});
export type RulebookLayerAnswer = Static<typeof RulebookLayerAnswer>;

/** `GET /api/rulebook/layers`, newest first. */
export const RulebookLayerList = Type.Object({ items: Type.Array(RulebookLayerAnswer) });
export type RulebookLayerList = Static<typeof RulebookLayerList>;

/** `POST /api/rulebook/layers`. */
export const PublishedLayerAnswer = Type.Object({ regionCode: Type.String(), version: Type.Integer() });
export type PublishedLayerAnswer = Static<typeof PublishedLayerAnswer>;
