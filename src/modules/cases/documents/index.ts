// Public API of the document layer (pure: no database, no HTTP).
export { checkDocumentData, isIsoDateTime } from './check.ts';
export type { ContentMeta } from './content.ts';
export { buildDocumentContent, documentContentHash, withDefaults } from './content.ts';
export type { DocumentFonts } from './fonts.ts';
export { resolveDocumentFonts } from './fonts.ts';
export { chineseOrdinal, fenToChineseUpper, formatDate, formatDateTime, formatYuan } from './format.ts';
export { breakLines, LINE_END_PROHIBITED, LINE_START_PROHIBITED } from './linebreak.ts';
export type { RenderDocumentInput, RenderedDocument, SealKey } from './render-pdf.ts';
export {
  DocumentDataError,
  renderContentPdf,
  renderDocumentPdf,
  SIGNATURE_ALGORITHM,
  signContentHash,
  verifyDocumentSignature,
} from './render-pdf.ts';
export { SAMPLE_AGENCY, SAMPLE_DATA } from './samples.ts';
export {
  applyAgencyOverride,
  BASE_TEMPLATES,
  getTemplate,
  isDocumentKind,
  TemplateOverrideError,
} from './templates.ts';
export * from './types.ts';
