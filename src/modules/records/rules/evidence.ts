import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { AV_MEDIA_TYPES, type Confidentiality, type MediaType } from './vocabulary.ts';

const HOUR_MS = 3_600_000;
/** Clocks of phones and body cameras drift; a capture time this far ahead of the server is refused. */
export const CAPTURE_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * R5 (seed 000 item 22): an AV record is stored within `hours` of being made. Later uploads are
 * accepted — refusing would lose the evidence — but flagged and counted against officer and agency.
 */
export function isLateUpload(capturedAt: Date, uploadedAt: Date, hours: number): boolean {
  return uploadedAt.getTime() - capturedAt.getTime() > hours * HOUR_MS;
}

export function isAvMedia(mediaType: MediaType): boolean {
  return AV_MEDIA_TYPES.includes(mediaType);
}

export type EvidenceMetadataInput = {
  stepKey: string;
  mediaType: MediaType;
  title: string;
  fileName: string;
  mimeType: string;
  capturedAt: Date;
  deviceId: string | null;
  officerId: string | null;
  location: string | null;
  confidentiality: Confidentiality;
};

/**
 * What an AV record must carry (R3: capture time, device, officer, location). Checked before a byte is
 * read, so a refused upload stores nothing. Other evidence (书证 scans …) needs only its capture time.
 */
export function checkEvidenceMetadata(m: EvidenceMetadataInput, now: Date): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (Number.isNaN(m.capturedAt.getTime()))
    v.push(violation('EVIDENCE_CAPTURED_AT_INVALID', '拍摄（制作）时间格式不正确', 'capturedAt'));
  else if (m.capturedAt.getTime() > now.getTime() + CAPTURE_CLOCK_SKEW_MS)
    v.push(violation('EVIDENCE_CAPTURED_IN_FUTURE', '拍摄（制作）时间不能晚于当前时间', 'capturedAt'));
  if (isAvMedia(m.mediaType)) {
    if (!m.deviceId)
      v.push(
        violation('EVIDENCE_DEVICE_REQUIRED', '音像记录须注明记录设备（设备登记簿中的设备）', 'deviceId'),
      );
    if (!m.officerId)
      v.push(violation('EVIDENCE_OFFICER_REQUIRED', '音像记录须注明制作的执法人员', 'officerId'));
    if (!m.location?.trim())
      v.push(violation('EVIDENCE_LOCATION_REQUIRED', '音像记录须注明拍摄地点', 'location'));
  }
  if (!m.title.trim()) v.push(violation('EVIDENCE_TITLE_REQUIRED', '请填写证据名称或说明', 'title'));
  return v;
}
