// Internal approval forms (立案审批表, 结案审批表) and the 送达回证: bordered label/value tables, signed
// by hand or in the system per opinion; no agency seal.
import { violation } from '../../../../platform/identifiers/violation.ts';
import type { DocumentTemplate, FieldDef, FormRowDef } from '../types.ts';
import { BLANK_DATE, caseCauseField, officersField, partyField, partyFormText, signLine } from './common.ts';

/** Opinion fields and rows: 承办人意见, 承办机构负责人意见, 机关负责人意见, each with a signature line. */
const opinionFields: FieldDef[] = [
  { ...officersField, key: 'handlers', label: '承办人' },
  { key: 'handlerOpinion', label: '承办人意见', type: 'longtext', required: true },
  { key: 'handlerDate', label: '承办人签署日期', type: 'date', required: true },
  { key: 'unitHeadOpinion', label: '承办机构负责人意见', type: 'longtext', required: false },
  { key: 'unitHead', label: '承办机构负责人', type: 'text', required: false },
  { key: 'unitHeadDate', label: '承办机构负责人签署日期', type: 'date', required: false },
  { key: 'agencyHeadOpinion', label: '机关负责人意见', type: 'longtext', required: false },
  { key: 'agencyHead', label: '机关负责人', type: 'text', required: false },
  { key: 'agencyHeadDate', label: '机关负责人签署日期', type: 'date', required: false },
  { key: 'remarks', label: '备注', type: 'longtext', required: false },
];

const opinionRows: FormRowDef[] = [
  {
    minLines: 2,
    cells: [
      {
        label: '承办人意见',
        value: '{{handlerOpinion}}',
        sign: signLine('handlers', 'handlerDate', '承办人'),
      },
    ],
  },
  {
    minLines: 2,
    cells: [
      {
        label: '承办机构负责人意见',
        value: '{{unitHeadOpinion}}',
        sign: signLine('unitHead', 'unitHeadDate'),
      },
    ],
  },
  {
    minLines: 2,
    cells: [
      {
        label: '机关负责人意见',
        value: '{{agencyHeadOpinion}}',
        sign: signLine('agencyHead', 'agencyHeadDate'),
      },
    ],
  },
  { cells: [{ label: '备注', value: '{{remarks}}' }] },
];

export const filingApproval: DocumentTemplate = {
  kind: 'filing_approval',
  title: '立案审批表',
  numberPrefix: '立',
  fields: [
    caseCauseField,
    {
      key: 'caseSource',
      label: '案件来源',
      type: 'enum',
      required: true,
      options: ['监督检查', '投诉举报', '其他机关移送', '上级机关交办', '下级机关报请', '媒体曝光', '其他'],
    },
    { key: 'leadDate', label: '案源登记日期', type: 'date', required: true },
    partyField,
    { key: 'summary', label: '简要案情及立案理由', type: 'longtext', required: true },
    ...opinionFields,
  ],
  blocks: [
    {
      type: 'form',
      id: 'form',
      rows: [
        { cells: [{ label: '案由', value: '{{caseCause}}' }] },
        {
          cells: [
            { label: '案件来源', value: '{{caseSource}}' },
            { label: '登记日期', value: '{{leadDate}}' },
          ],
        },
        { cells: [{ label: '当事人', value: (ctx) => partyFormText(ctx) }] },
        { minLines: 4, cells: [{ label: '简要案情及立案理由', value: '{{summary}}' }] },
        ...opinionRows,
      ],
    },
  ],
};

export const closingApproval: DocumentTemplate = {
  kind: 'closing_approval',
  title: '结案审批表',
  numberPrefix: '结',
  fields: [
    caseCauseField,
    { key: 'filingDate', label: '立案日期', type: 'date', required: true },
    { key: 'decisionNumber', label: '处理决定文号', type: 'text', required: false },
    partyField,
    { key: 'decisionSummary', label: '处理决定', type: 'longtext', required: true },
    { key: 'executionStatus', label: '执行情况', type: 'longtext', required: true },
    {
      key: 'closingGround',
      label: '结案情形',
      type: 'enum',
      required: true,
      options: ['行政处罚决定执行完毕', '不予行政处罚', '依法终结执行', '移送司法机关', '其他应予结案的情形'],
    },
    ...opinionFields,
  ],
  blocks: [
    {
      type: 'form',
      id: 'form',
      rows: [
        { cells: [{ label: '案由', value: '{{caseCause}}' }] },
        { cells: [{ label: '立案日期', value: '{{filingDate}}' }] },
        { cells: [{ label: '决定书文号', value: '{{decisionNumber}}' }] },
        { cells: [{ label: '当事人', value: (ctx) => partyFormText(ctx) }] },
        { minLines: 2, cells: [{ label: '处理决定', value: '{{decisionSummary}}' }] },
        { minLines: 2, cells: [{ label: '执行情况', value: '{{executionStatus}}' }] },
        { cells: [{ label: '结案情形', value: '{{closingGround}}' }] },
        ...opinionRows,
      ],
    },
  ],
};

export const SERVICE_METHODS = [
  '直接送达',
  '留置送达',
  '邮寄送达',
  '委托送达',
  '电子送达',
  '公告送达',
  '转交送达',
];

export const serviceReceipt: DocumentTemplate = {
  kind: 'service_receipt',
  title: '送达回证',
  numberPrefix: null,
  fields: [
    { key: 'documents', label: '送达文书名称及文号', type: 'list', required: true },
    { key: 'recipient', label: '受送达人', type: 'text', required: true },
    { key: 'servicePlace', label: '送达地点', type: 'text', required: true },
    { key: 'serviceTime', label: '送达时间', type: 'datetime', required: false, help: '当场填写的可留空' },
    { key: 'serviceMethod', label: '送达方式', type: 'enum', required: true, options: SERVICE_METHODS },
    { ...officersField, key: 'servers', label: '送达人', minCount: 2 },
    { key: 'proxy', label: '代收人及代收理由', type: 'text', required: false },
    { key: 'witness', label: '见证人', type: 'text', required: false },
    { key: 'remarks', label: '备注', type: 'longtext', required: false },
  ],
  blocks: [
    {
      type: 'form',
      id: 'form',
      rows: [
        {
          minLines: 2,
          cells: [
            {
              label: '送达文书名称及文号',
              value: (ctx) => ((ctx.data.documents as string[] | undefined) ?? []).join('\n'),
            },
          ],
        },
        { cells: [{ label: '受送达人', value: '{{recipient}}' }] },
        { cells: [{ label: '送达地点', value: '{{servicePlace}}' }] },
        {
          cells: [
            { label: '送达时间', value: (ctx) => ctx.fmt('serviceTime') || `${BLANK_DATE}　　时　　分` },
          ],
        },
        { cells: [{ label: '送达方式', value: '{{serviceMethod}}' }] },
        { minLines: 3, cells: [{ label: '受送达人签名或者盖章', value: '', sign: BLANK_DATE }] },
        { minLines: 2, cells: [{ label: '代收人及代收理由', value: '{{proxy}}' }] },
        { cells: [{ label: '见证人', value: '{{witness}}' }] },
        {
          minLines: 2,
          cells: [{ label: '送达人', value: '{{servers}}', sign: `签名：　　　　　　　　${BLANK_DATE}` }],
        },
        { minLines: 2, cells: [{ label: '备注', value: '{{remarks}}' }] },
      ],
    },
  ],
  checks: (ctx) =>
    ctx.data.serviceMethod === '留置送达' && !ctx.has('witness') && !ctx.has('remarks')
      ? [
          violation(
            'DOCUMENT_LEFT_SERVICE_UNRECORDED',
            '留置送达应当注明见证人，或者在备注中写明以拍照、录像等方式记录送达过程的情况',
            'witness',
          ),
        ]
      : [],
};
