import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';

export function parseDocumentJson(text: string | undefined): Record<string, unknown> {
  const v: unknown = JSON.parse(text ?? '');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
  return v as Record<string, unknown>;
}

/**
 * 文书数据 as JSON (form name `document`): pre-filled from the case, editable, checked against the
 * template by the server when the step is submitted.
 */
export function DocumentDataField({ label, onRegenerate }: { label: string; onRegenerate: () => void }) {
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          《{label}》的内容（JSON，金额单位为分）。空白项须补充完整，服务器按模板校验后编号、签章。
        </Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={onRegenerate}>
          按案件和上方表单重新生成
        </Button>
      </Flex>
      <Form.Item
        name="document"
        rules={[
          {
            validator: async (_, v?: string) => {
              try {
                parseDocumentJson(v);
              } catch {
                throw new Error('文书内容须为 JSON 对象');
              }
            },
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 18 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="document-json"
        />
      </Form.Item>
    </>
  );
}
