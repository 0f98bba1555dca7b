import { Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatInstant } from '../../caseFormat.ts';
import { formatBytes, MEDIA_TYPE_COLORS, shortHash, stepLabel } from '../../recordLabels.ts';
import type { EvidenceSummary } from '../../recordTypes.ts';
import { EvidenceActions } from './EvidenceActions.tsx';

const secondary = { fontSize: 12, color: 'rgba(0,0,0,0.55)', wordBreak: 'break-word' } as const;

/** Marks of a record: media type, step, late upload (R5), confidentiality (R8), correction (R7). */
export function EvidenceTags({ e }: { e: EvidenceSummary }) {
  return (
    <Flex wrap gap={4}>
      <Tag color={MEDIA_TYPE_COLORS[e.mediaType] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {e.mediaTypeLabel}
      </Tag>
      <Tag style={{ marginInlineEnd: 0 }}>{stepLabel(e.stepKey)}</Tag>
      {e.lateUpload ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`evidence-late-${e.id}`}>
          超过24小时上传
        </Tag>
      ) : null}
      {e.confidentiality !== 'none' ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {e.confidentialityLabel}
        </Tag>
      ) : null}
      {e.correctsId ? (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          更正记录
        </Tag>
      ) : null}
    </Flex>
  );
}

/**
 * 证据和音像记录 as a list that reads on a phone: what, when, with which device, by whom, where, and the
 * SM3 of the bytes, with 打开 / 下载 / 存证回执.
 */
export function EvidenceList({
  items,
  deviceName,
  officerName,
  recordTitle,
  emptyText = '尚无证据或音像记录',
  extra,
}: {
  items: EvidenceSummary[];
  deviceName: (id: string) => string | undefined;
  officerName: (id: string) => string | undefined;
  /** Title of a record or document of the case (what a correction corrects). */
  recordTitle?: (id: string) => string | undefined;
  emptyText?: string;
  /** Something more per record (e.g. the case it belongs to). */
  extra?: (e: EvidenceSummary) => ReactNode;
}) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(e) => {
        const who = [
          e.deviceId ? `设备：${deviceName(e.deviceId) ?? '（已登记设备）'}` : null,
          e.officerId ? `执法人员：${officerName(e.officerId) ?? '（本机关人员）'}` : null,
          e.location ? `地点：${e.location}` : null,
        ].filter(Boolean);
        return (
          <List.Item data-testid={`evidence-${e.id}`} style={{ paddingInline: 0 }}>
            <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                {e.title}
              </Typography.Text>
              <EvidenceTags e={e} />
              <div style={secondary}>
                拍摄：{formatInstant(e.capturedAt)} · 上传：{formatInstant(e.uploadedAt)}
              </div>
              {who.length ? <div style={secondary}>{who.join(' · ')}</div> : null}
              <div style={secondary}>
                {e.fileName} · {formatBytes(e.size)} · SM3{' '}
                <Typography.Text
                  code
                  copyable={{ text: e.contentHash, tooltips: ['复制完整 SM3', '已复制'] }}
                  style={{ fontSize: 12 }}
                >
                  {shortHash(e.contentHash)}
                </Typography.Text>
              </div>
              {e.correctsId ? (
                <div style={secondary}>
                  更正：{recordTitle?.(e.correctsId) ?? '本案的一项记录'}
                  {e.correctionReason ? ` · 理由：${e.correctionReason}` : ''}
                </div>
              ) : null}
              {extra?.(e)}
              <EvidenceActions e={e} />
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
