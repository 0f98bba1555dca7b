import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber } from 'antd';
import dayjs from 'dayjs';

/** Form.List editor for `trainingHours: [{ year, hours }]`. */
export function TrainingHoursField() {
  return (
    <Form.List name="trainingHours">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="baseline" wrap>
              <Form.Item
                name={[field.name, 'year']}
                rules={[{ required: true, message: '请输入年度' }]}
                style={{ marginBottom: 8 }}
              >
                <InputNumber min={1990} max={2100} precision={0} placeholder="年度" suffix="年" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'hours']}
                rules={[{ required: true, message: '请输入学时' }]}
                style={{ marginBottom: 8 }}
              >
                <InputNumber min={0} max={2000} step={1} placeholder="学时" suffix="学时" />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label="删除"
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ year: dayjs().year(), hours: 0 })}
            style={{ marginBottom: 16 }}
          >
            添加培训学时
          </Button>
        </>
      )}
    </Form.List>
  );
}
