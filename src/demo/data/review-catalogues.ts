import type { ReviewCatalogueEntryInput } from '../../modules/catalog/review-catalogue.ts';
import type { DemoReviewCatalogue } from './types.ts';

/**
 * Each demo agency's 重大执法决定法制审核目录清单 (seed 000 item 29: 结合执法行为的类别、执法层级、所属领域、
 * 涉案金额等因素). Modelled on the published catalogues of 安徽 city and county departments: the county's
 * amounts are lower than the city's (执法层级). In force since the revised 行政处罚法 took effect, so every
 * demo case falls under it.
 */
const EFFECTIVE_FROM = '2021-07-15';

const yuan = (n: number) => n * 100;

type Level = { citizenFine: number; orgFine: number; confiscation: number; seized: number };
const CITY: Level = { citizenFine: 10_000, orgFine: 100_000, confiscation: 50_000, seized: 200_000 };
const COUNTY: Level = { citizenFine: 5_000, orgFine: 50_000, confiscation: 30_000, seized: 100_000 };

function entries(level: Level, withCoercive: boolean): ReviewCatalogueEntryInput[] {
  const list: ReviewCatalogueEntryInput[] = [
    {
      label: `对公民处以${level.citizenFine.toLocaleString('en-US')}元以上罚款`,
      actionTypes: ['penalty'],
      partyTypes: ['natural_person', 'individual_business'],
      conditions: [{ kind: 'fine_at_least', fen: yuan(level.citizenFine) }],
    },
    {
      label: `对法人或者其他组织处以${level.orgFine.toLocaleString('en-US')}元以上罚款`,
      actionTypes: ['penalty'],
      partyTypes: ['legal_person', 'other_organisation'],
      conditions: [{ kind: 'fine_at_least', fen: yuan(level.orgFine) }],
    },
    {
      label: '没收违法所得和非法财物价值合计较大',
      actionTypes: ['penalty'],
      partyTypes: [],
      conditions: [{ kind: 'confiscation_at_least', fen: yuan(level.confiscation) }],
    },
    {
      label: '吊销许可证件、责令停产停业、责令关闭、限制从业、降低资质等级',
      actionTypes: ['penalty'],
      partyTypes: [],
      conditions: [
        {
          kind: 'penalty_kind',
          kinds: [
            'licence_revocation',
            'suspension_of_business',
            'closure',
            'employment_restriction',
            'qualification_downgrade',
          ],
        },
      ],
    },
    {
      label: '经过听证程序作出的行政处罚决定',
      actionTypes: ['penalty'],
      partyTypes: [],
      conditions: [{ kind: 'hearing_held' }],
    },
    {
      label: '涉及重大公共利益、重大权益或者案情疑难复杂的执法决定',
      actionTypes: ['penalty', 'coercive', 'licence'],
      partyTypes: [],
      conditions: [
        {
          kind: 'ground',
          grounds: ['major_public_interest', 'major_rights', 'complex_multiple_relations', 'other_law'],
        },
      ],
    },
  ];
  if (withCoercive) {
    list.push({
      label: `查封、扣押财物价值${level.seized.toLocaleString('en-US')}元以上`,
      actionTypes: ['coercive'],
      partyTypes: [],
      conditions: [{ kind: 'seized_value_at_least', fen: yuan(level.seized) }],
    });
  }
  return list;
}

const NOTE = '依据《中华人民共和国行政处罚法》第五十八条和本机关职责编制';

/** One catalogue per demo agency; 司法局 seizes nothing, so it has no 查封扣押 entry. */
export function buildReviewCatalogues(agencyKeys: readonly string[]): DemoReviewCatalogue[] {
  return agencyKeys.map((agencyKey) => ({
    agencyKey,
    effectiveFrom: EFFECTIVE_FROM,
    note: NOTE,
    entries: entries(agencyKey.startsWith('hy_') ? COUNTY : CITY, agencyKey !== 'sfj'),
  }));
}
