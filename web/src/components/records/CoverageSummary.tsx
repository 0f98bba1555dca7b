import { Flex, Progress, Tag, Typography } from 'antd';
import { percent } from '../../recordLabels.ts';
import type { Coverage } from '../../recordTypes.ts';

/**
 * Spot-check coverage of a period's archived files against the required share (R9: at least 60%).
 * `minCoverage` is the required fraction when known (the coverage report carries it).
 */
export function CoverageSummary({
  coverage,
  minCoverage,
  late,
  sample,
}: {
  coverage: Coverage;
  minCoverage?: number;
  late?: number;
  /** The size of one spot check's sample, when the summary is of one check. */
  sample?: number;
}) {
  const required = minCoverage ?? (coverage.population ? coverage.required / coverage.population : 0);
  return (
    <Flex vertical gap={6} data-testid="spot-check-coverage">
      <Flex wrap gap={8} align="center">
        <Typography.Text>
          期间内已归档案卷 <b>{coverage.population}</b> 件{late ? `（其中逾期归档 ${late} 件）` : ''}，已抽查{' '}
          <b>{coverage.reviewed}</b> 件，覆盖率 <b>{percent(coverage.coverage)}</b>
        </Typography.Text>
        {coverage.population === 0 ? (
          <Tag>期间内无归档案卷</Tag>
        ) : coverage.met ? (
          <Tag color="green">已达到要求</Tag>
        ) : (
          <Tag color="orange">未达到要求</Tag>
        )}
      </Flex>
      <Progress
        percent={Math.round(coverage.coverage * 100)}
        success={{ percent: Math.min(Math.round(coverage.coverage * 100), Math.round(required * 100)) }}
        status={coverage.met ? 'success' : 'normal'}
        size="small"
        format={(p) => `${p}%`}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        要求抽查面不少于 {percent(required)}，即至少 {coverage.required} 件
        {sample !== undefined ? `；本次抽查样本 ${sample} 件` : ''}。
      </Typography.Text>
    </Flex>
  );
}
