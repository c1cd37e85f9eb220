/**
 * 录入测评表: one sheet at a time by its serial, keyboard only. Type the serial and Enter: a serial already entered
 * opens for correction, a new one opens blank. Digits 1–4 mark the rows, Enter saves and the serial box is ready
 * for the next sheet. With double entry the 第二遍 pass enters every sheet again and the 差异 panel lists every
 * cell where the two entries differ, until they agree.
 */
import { Alert, App, Button, Checkbox, Empty, Input, Radio, Segmented, Table, Tag, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Campaign, Differences, SheetStatus } from '../../../../shared/contract/appraisal';
import { normalizeSerial, serialProblem, VOTER_TYPES, type Grade, type VoterType } from '../../../../shared/domain/appraisal';
import { api, errorText } from '../../api';
import { BallotGrid, focusRow } from './BallotGrid';

type Pass = 1 | 2;

interface OpenSheet {
  serial: string;
  /** This pass of the serial was entered before: saving corrects it. */
  entered: boolean;
}

/** The first serial after `serial` not yet entered in this pass ('' when none is left). */
function nextSerial(serial: string, issued: number, sheets: SheetStatus[], pass: Pass): string {
  const done = new Set(sheets.filter((s) => s.entered >= pass).map((s) => s.serial));
  for (let n = Number(serial) + 1; n <= issued; n++) {
    const s = normalizeSerial(String(n));
    if (!done.has(s)) return s;
  }
  return '';
}

function SheetList({ sheets, onOpen }: { sheets: SheetStatus[]; onOpen(serial: string): void }) {
  if (!sheets.length) return <p className="muted">还没有录入测评表。</p>;
  return (
    <ul className="appraisal-sheets" aria-label="已录入的测评表">
      {sheets.map((s) => {
        const state = s.spoilt ? '废票' : !s.agreed ? (s.entered === 1 ? '待第二遍' : `${s.differences} 处不一致`) : '';
        return (
          <li key={s.serial}>
            <Button size="small" type="text" onClick={() => onOpen(s.serial)} aria-label={`打开编号 ${s.serial}（${s.voterType}${state ? `，${state}` : ''}）`}>
              {s.serial}
              <span className="appraisal-sheet-type">{s.voterType === '党员' ? '党' : '群'}</span>
              {state ? <span className={s.spoilt ? 'appraisal-sheet-spoilt' : 'appraisal-sheet-pending'}>{state}</span> : null}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

function DifferencesPanel({ differences, onOpen }: { differences: Differences; onOpen(serial: string): void }) {
  const { awaitingSecond, differences: rows } = differences;
  return (
    <section className="appraisal-panel" aria-labelledby="differences-title">
      <h3 id="differences-title">两遍录入的差异</h3>
      {rows.length === 0 && awaitingSecond.length === 0 ? <Alert type="success" showIcon title="两遍录入全部一致，计票使用全部测评表" /> : null}
      {awaitingSecond.length ? <p data-testid="awaiting-second">待第二遍录入（{awaitingSecond.length} 张）：{awaitingSecond.join('、')}</p> : null}
      {rows.length ? (
        <Table
          size="small"
          aria-label="差异"
          data-testid="differences"
          rowKey={(d) => `${d.serial}-${d.memberId ?? d.what}`}
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'serial',
              title: '编号',
              width: 70,
              render: (_v, d) => (
                <Button type="link" size="small" className="appraisal-link" onClick={() => onOpen(d.serial)}>
                  {d.serial}
                </Button>
              ),
            },
            { key: 'what', title: '党员（项目）', dataIndex: 'what' },
            { key: 'first', title: '第一遍', dataIndex: 'first' },
            { key: 'second', title: '第二遍', dataIndex: 'second' },
          ]}
        />
      ) : null}
    </section>
  );
}

export function EntryPanel({ campaign, onChanged }: { campaign: Campaign; onChanged(): void }) {
  const { message } = App.useApp();
  const members = useMemo(() => campaign.members.filter((m) => m.graded).map((m) => ({ memberId: m.memberId, name: m.name })), [campaign.members]);
  const issued = campaign.issuedMembers + campaign.issuedMasses;
  const [pass, setPass] = useState<Pass>(1);
  const [serialText, setSerialText] = useState('');
  const [open, setOpen] = useState<OpenSheet | null>(null);
  const [voterType, setVoterType] = useState<VoterType>('党员');
  const [spoilt, setSpoilt] = useState(false);
  const [grades, setGrades] = useState<Record<string, Grade>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sheets, setSheets] = useState<SheetStatus[]>([]);
  const [differences, setDifferences] = useState<Differences | null>(null);
  const serialRef = useRef<InputRef>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const loadSheets = useCallback(async () => {
    const [list, diffs] = await Promise.all([api().call('appraisal.sheets', { campaignId: campaign.id }), api().call('appraisal.differences', { campaignId: campaign.id })]);
    setSheets(list);
    setDifferences(diffs);
  }, [campaign.id]);

  useEffect(() => {
    loadSheets().catch((e) => setProblem(`未能读取已录入的测评表：${errorText(e)}`));
    serialRef.current?.focus();
  }, [loadSheets]);

  const focusSerial = (value: string) => {
    setSerialText(value);
    requestAnimationFrame(() => serialRef.current?.focus({ cursor: 'all' }));
  };

  const openSerial = async (typed: string, inPass: Pass = pass) => {
    const serial = normalizeSerial(typed);
    const bad = serial ? serialProblem(serial, issued) : '请先输入测评表编号';
    if (bad) return setProblem(bad);
    const status = sheets.find((s) => s.serial === serial);
    if (inPass === 2 && !status) return setProblem(`编号 ${serial} 的测评表还没有第一遍录入，请先录入第一遍`);
    const entered = !!status && status.entered >= inPass;
    try {
      if (entered) {
        const sheet = await api().call('appraisal.getSheet', { campaignId: campaign.id, serial, entry: inPass });
        setVoterType(sheet.voterType);
        setSpoilt(sheet.spoilt);
        setGrades(sheet.grades);
      } else {
        setSpoilt(false);
        setGrades({});
      }
    } catch (e) {
      return setProblem(errorText(e));
    }
    setProblem(null);
    setSerialText(serial);
    setOpen({ serial, entered });
  };

  // A sheet just opened: the typist goes on in its first row (once the rows are enabled).
  useEffect(() => {
    if (open) focusRow(gridRef.current, 0);
  }, [open]);

  const save = async () => {
    if (!open || saving) return;
    setSaving(true);
    const input = { campaignId: campaign.id, serial: open.serial, entry: pass, voterType, spoilt, grades: spoilt ? {} : grades };
    try {
      await api().call(open.entered ? 'appraisal.correctSheet' : 'appraisal.enterSheet', input);
      const marked = Object.keys(grades).length;
      message.success(`编号 ${open.serial} 已${open.entered ? '更正' : '录入'}（${voterType}，${spoilt ? '废票' : `已勾选 ${marked}/${members.length} 人`}）`);
      setProblem(null);
      setOpen(null);
      setGrades({});
      setSpoilt(false);
      const list = await api().call('appraisal.sheets', { campaignId: campaign.id });
      setSheets(list);
      focusSerial(nextSerial(open.serial, issued, list, pass));
      void loadSheets();
      onChanged();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const openFromList = (serial: string, inPass: Pass = pass) => {
    setSerialText(serial);
    void openSerial(serial, inPass);
  };

  const onSheetKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      return cancel();
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    if ((e.target as HTMLElement).id === 'appraisal-serial') void openSerial(serialText);
    else void save();
  };

  const closeSheet = () => {
    setOpen(null);
    setGrades({});
    setSpoilt(false);
    setProblem(null);
  };

  const cancel = () => {
    closeSheet();
    focusSerial(serialText);
  };

  const switchPass = (p: Pass) => {
    setPass(p);
    cancel();
  };

  const marked = Object.keys(grades).length;
  return (
    <div className="appraisal-entry">
      <section className="appraisal-panel appraisal-sheet" aria-labelledby="sheet-title" onKeyDown={onSheetKeyDown}>
        <div className="appraisal-bar">
          <h3 id="sheet-title" className="appraisal-sheet-title">
            {open ? `编号 ${open.serial}` : '测评表'}
          </h3>
          {open ? <Tag className={open.entered ? 'appraisal-tone-orange' : 'appraisal-tone-blue'}>{open.entered ? '已录入，正在更正' : pass === 2 ? '第二遍录入' : '新录入'}</Tag> : null}
          {campaign.doubleEntry ? (
            <Segmented<Pass>
              aria-label="录入遍次"
              value={pass}
              onChange={switchPass}
              options={[
                { value: 1, label: '第一遍录入' },
                { value: 2, label: '第二遍录入' },
              ]}
            />
          ) : null}
        </div>
        <div className="appraisal-bar">
          <label htmlFor="appraisal-serial">编号</label>
          <Input
            id="appraisal-serial"
            ref={serialRef}
            size="large"
            style={{ width: 120 }}
            value={serialText}
            maxLength={20}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => {
              setSerialText(e.target.value);
              if (open) closeSheet();
            }}
          />
          <span id="voter-type-label">投票人</span>
          <Radio.Group aria-labelledby="voter-type-label" optionType="button" value={voterType} onChange={(e) => setVoterType(e.target.value as VoterType)} options={VOTER_TYPES.map((v) => ({ value: v, label: v }))} />
          <Checkbox checked={spoilt} disabled={!open} onChange={(e) => setSpoilt(e.target.checked)}>
            废票
          </Checkbox>
        </div>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 8 }} /> : null}
        <p className="appraisal-hint">输入编号后回车；数字 1 优秀、2 合格、3 基本合格、4 不合格（自动到下一行），0 清除，↑↓ 换行；回车保存本张并录入下一张，Esc 放弃本张。</p>
        {members.length ? (
          <BallotGrid members={members} grades={grades} disabled={!open || spoilt} onChange={setGrades} gridRef={gridRef} />
        ) : (
          <Empty description="这次评议没有评定等次的党员" />
        )}
        <div className="appraisal-bar appraisal-sheet-foot">
          <span data-testid="sheet-marked">{open ? (spoilt ? '废票：不计入统计' : `已勾选 ${marked}/${members.length} 人`) : '输入编号后回车开始录入'}</span>
          <span className="spacer" />
          <Button onClick={cancel} disabled={!open}>
            放弃本张
          </Button>
          <Button type="primary" onClick={() => void save()} disabled={!open} loading={saving}>
            保存本张（回车）
          </Button>
        </div>
      </section>
      <aside className="appraisal-side" aria-label="录入情况">
        <section className="appraisal-panel" aria-labelledby="collected-title">
          <h3 id="collected-title">已录入</h3>
          <p data-testid="collected">
            党员 {campaign.collected.党员}/{campaign.issuedMembers} 张，群众 {campaign.collected.群众}/{campaign.issuedMasses} 张
          </p>
          <SheetList sheets={sheets} onOpen={openFromList} />
        </section>
        {campaign.doubleEntry && differences ? <DifferencesPanel differences={differences} onOpen={(s) => {
              setPass(2);
              openFromList(s, 2);
            }} /> : null}
      </aside>
    </div>
  );
}
