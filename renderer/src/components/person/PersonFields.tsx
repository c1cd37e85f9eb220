/**
 * The person fields the member, transfer-in and applicant forms share. Each renders its grid column and Form.Item;
 * the form places them in its own rows and order, and passes its `leave` (shows a field's problems on leaving it).
 */
import { Col, Form, Input, Radio, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { ETHNICITIES } from '../../../../shared/domain/codes';
import { checkIdNumber } from '../../../../shared/domain/idNumber';
import { DateInput } from '../DateInput';
import { EDUCATION_OPTIONS } from './educationOptions';

type Leave<F extends string> = (field: F) => () => void;
type IdentityField = 'name' | 'idNumber' | 'gender' | 'birthDate' | 'ethnicity' | 'education';

const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ value: e, label: e }));

/** A valid ID number fills in the birth date and gender (GB 11643). Returns whether it did. */
export function fillFromIdNumber(form: FormInstance, idNumber: string | undefined): boolean {
  const id = checkIdNumber(idNumber ?? '');
  if (id.ok) form.setFieldsValue({ birthDate: dayjs(id.info.birthDate), gender: id.info.gender });
  return id.ok;
}

/** 姓名, 身份证号, 性别, 出生日期, 民族, 学历: the same in every person form. */
export function IdentityFields({ leave, autoFocus = false }: { leave: Leave<IdentityField>; autoFocus?: boolean }) {
  return (
    <>
      <Col span={8}>
        <Form.Item name="name" label="姓名" required>
          <Input maxLength={30} onBlur={leave('name')} autoFocus={autoFocus} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="idNumber" label="身份证号" required extra="填写后自动带出出生日期和性别">
          <Input maxLength={20} onBlur={leave('idNumber')} style={{ fontFamily: 'monospace', letterSpacing: 1 }} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="gender" label="性别" required>
          <Radio.Group aria-label="性别" onBlur={leave('gender')} options={['男', '女']} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="birthDate" label="出生日期" required>
          <DateInput style={{ width: '100%' }} onBlur={leave('birthDate')} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="ethnicity" label="民族" required>
          <Select showSearch={{ optionFilterProp: 'label' }} options={ETHNICITY_OPTIONS} onBlur={leave('ethnicity')} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="education" label="学历" required>
          <Select showSearch={{ optionFilterProp: 'search' }} options={EDUCATION_OPTIONS} placeholder="请选择" onBlur={leave('education')} listHeight={360} />
        </Form.Item>
      </Col>
    </>
  );
}

export function NativePlaceField({ leave, span = 8 }: { leave: Leave<'nativePlace'>; span?: number }) {
  return (
    <Col span={span}>
      <Form.Item name="nativePlace" label="籍贯">
        <Input maxLength={60} placeholder="如：河北省任丘县" onBlur={leave('nativePlace')} />
      </Form.Item>
    </Col>
  );
}

/** 人员类别 of a Party member. */
export function CategoryField({ leave }: { leave: Leave<'category'> }) {
  return (
    <Col span={8}>
      <Form.Item name="category" label="人员类别" required>
        <Radio.Group aria-label="人员类别" options={['正式党员', '预备党员']} onBlur={leave('category')} />
      </Form.Item>
    </Col>
  );
}

type PartyDate = 'applicationDate' | 'joinDate';
const PARTY_DATE_LABEL: Record<PartyDate, string> = { applicationDate: '申请入党日期', joinDate: '入党日期' };

/** 申请入党日期 or 入党日期 of a Party member (入党日期 is required). */
export function PartyDateField({ name, leave }: { name: PartyDate; leave: Leave<PartyDate> }) {
  return (
    <Col span={8}>
      <Form.Item name={name} label={PARTY_DATE_LABEL[name]} required={name === 'joinDate'}>
        <DateInput style={{ width: '100%' }} onBlur={leave(name)} />
      </Form.Item>
    </Col>
  );
}

/** 转正日期: required of full members, not filled for probationers. */
export function FullDateField({ leave, category }: { leave: Leave<'fullDate'>; category: string | undefined }) {
  const probationer = category === '预备党员';
  return (
    <Col span={8}>
      <Form.Item name="fullDate" label="转正日期" required={category === '正式党员'}>
        <DateInput style={{ width: '100%' }} placeholder={probationer ? '预备党员不填' : '年-月-日'} disabled={probationer} onBlur={leave('fullDate')} />
      </Form.Item>
    </Col>
  );
}

/** 党小组: the form passes the groups of the branch the person is in. */
export function PartyGroupField({ leave, groups }: { leave: Leave<'partyGroupId'>; groups: { id: string; name: string }[] }) {
  return (
    <Col span={8}>
      <Form.Item name="partyGroupId" label="党小组">
        <Select options={[{ value: '', label: '未分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onBlur={leave('partyGroupId')} />
      </Form.Item>
    </Col>
  );
}

/** 工作单位, 岗位/职务, 联系电话: the unit on half the row, post and phone sharing the rest unless given wider. */
export function WorkFields({ leave, span = 6 }: { leave: Leave<'workUnit' | 'post' | 'phone'>; span?: number }) {
  return (
    <>
      <Col span={12}>
        <Form.Item name="workUnit" label="工作单位">
          <Input maxLength={100} onBlur={leave('workUnit')} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="post" label="岗位/职务">
          <Input maxLength={60} placeholder="如：司钻" onBlur={leave('post')} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} inputMode="tel" onBlur={leave('phone')} />
        </Form.Item>
      </Col>
    </>
  );
}

export function RemarkField({ leave, extra }: { leave: Leave<'remark'>; extra?: string }) {
  return (
    <Col span={24}>
      <Form.Item name="remark" label="备注" extra={extra}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onBlur={leave('remark')} />
      </Form.Item>
    </Col>
  );
}
