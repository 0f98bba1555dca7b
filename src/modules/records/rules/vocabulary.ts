/** Labels shown to users, one place (zh-CN), and the codes stored. */

export const DEVICE_KIND_LABELS = {
  body_camera: '执法记录仪',
  phone: '移动执法终端（手机）',
  camera: '照相机/摄像机',
  audio_recorder: '录音设备',
  other: '其他记录设备',
} as const;
export type DeviceKind = keyof typeof DEVICE_KIND_LABELS;

export const DEVICE_STATUS_LABELS = { in_service: '在用', retired: '已停用' } as const;
export type DeviceStatus = keyof typeof DEVICE_STATUS_LABELS;

export const MEDIA_TYPE_LABELS = {
  photo: '照片',
  audio: '录音',
  video: '录像',
  document: '书证/电子数据',
  other: '其他',
} as const;
export type MediaType = keyof typeof MEDIA_TYPE_LABELS;
/** Audio, video and photos are 音像记录 (GLOSSARY: AV record). */
export const AV_MEDIA_TYPES: readonly MediaType[] = ['photo', 'audio', 'video'];

/** R8 (seed 000 item 21): 国家秘密、商业秘密、个人隐私. */
export const CONFIDENTIALITY_LABELS = {
  none: '无',
  state_secret: '涉及国家秘密',
  trade_secret: '涉及商业秘密',
  personal_privacy: '涉及个人隐私',
} as const;
export type Confidentiality = keyof typeof CONFIDENTIALITY_LABELS;

export const RECORD_TYPE_LABELS = { evidence: '证据/音像记录', document: '文书', case_file: '案卷' } as const;
export type RecordType = keyof typeof RECORD_TYPE_LABELS;

export const SPOT_CHECK_RESULT_LABELS = { conforming: '规范', nonconforming: '不规范' } as const;
export type SpotCheckResult = keyof typeof SPOT_CHECK_RESULT_LABELS;

/** A step key for evidence that records no particular AV step (书证、物证照片 …). */
export const OTHER_STEP = 'other';
export const OTHER_STEP_LABEL = '其他证据';
