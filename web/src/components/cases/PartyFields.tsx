import { Col, Form, Input, Row, Select } from 'antd';
import { PARTY_TYPE_LABELS } from '../../caseLabels.ts';
import type { CaseParty, PartyInput, PartyType } from '../../caseTypes.ts';
import { optionsOf } from '../../labels.ts';
import { isValidResidentId, isValidUscc, PHONE_PATTERN } from '../../validators.ts';

export interface PartyValues {
  type?: PartyType;
  name?: string;
  idNumber?: string;
  representative?: string;
  address?: string;
  phone?: string;
}

const REPRESENTATIVE: Record<PartyType, string> = {
  natural_person: '',
  legal_person: '法定代表人',
  other_organisation: '负责人',
  individual_business: '经营者',
};

/** Form values from a case's party (for pre-filling). */
export function partyValues(p: CaseParty | null | undefined): PartyValues {
  if (!p) return { type: 'legal_person' };
  return {
    type: p.type,
    name: p.name,
    idNumber: p.idNumber ?? undefined,
    representative: p.representative ?? undefined,
    address: p.address ?? undefined,
    phone: p.phone ?? undefined,
  };
}

/** The request's party, or undefined when no name was given. */
export function partyInput(v: PartyValues | undefined): PartyInput | undefined {
  if (!v?.name?.trim() || !v.type) return undefined;
  const t = (s?: string) => s?.trim() || null;
  return {
    type: v.type,
    name: v.name.trim(),
    idNumber: t(v.idNumber)?.toUpperCase() ?? null,
    representative: v.type === 'natural_person' ? null : t(v.representative),
    address: t(v.address),
    phone: t(v.phone),
  };
}

/** 当事人: type, name, resident ID or USCC, representative, address, phone (name path `prefix`). */
export function PartyFields({ prefix, required }: { prefix: (string | number)[]; required: boolean }) {
  const type = (Form.useWatch([...prefix, 'type']) as PartyType | undefined) ?? 'legal_person';
  const person = type === 'natural_person';
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item
          label="当事人类型"
          name={[...prefix, 'type']}
          rules={[{ required: true, message: '请选择' }]}
        >
          <Select options={optionsOf(PARTY_TYPE_LABELS)} data-testid="party-type" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item
          label={person ? '姓名' : '名称（字号）'}
          name={[...prefix, 'name']}
          rules={[{ required, whitespace: true, message: '请填写当事人名称' }]}
        >
          <Input maxLength={200} data-testid="party-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={person ? '公民身份号码' : '统一社会信用代码'}
          name={[...prefix, 'idNumber']}
          normalize={(v?: string) => v?.toUpperCase().replace(/\s/g, '')}
          rules={[
            {
              validator: async (_, v?: string) => {
                if (!v) return;
                const ok = person ? isValidResidentId(v) : isValidUscc(v);
                if (!ok) throw new Error(person ? '公民身份号码不正确' : '统一社会信用代码不正确');
              },
            },
          ]}
        >
          <Input maxLength={64} data-testid="party-id-number" />
        </Form.Item>
      </Col>
      {person ? null : (
        <Col xs={24} md={12}>
          <Form.Item label={REPRESENTATIVE[type]} name={[...prefix, 'representative']}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={person ? 12 : 16}>
        <Form.Item label={person ? '住址' : '住所（经营场所）'} name={[...prefix, 'address']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label="联系电话"
          name={[...prefix, 'phone']}
          rules={[{ pattern: PHONE_PATTERN, message: '电话号码格式不正确' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
      </Col>
    </Row>
  );
}
