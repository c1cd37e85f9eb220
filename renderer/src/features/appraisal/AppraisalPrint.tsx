/**
 * The printed documents of a campaign: each button opens the print preview of the document built in main, with
 * 导出 Word beside 打印 (the same preview as the meetings' minutes). A refusal from main (公示 while a grade is
 * undecided) is shown as the error message. 公示 first asks for its period, 落款 date and contact line.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Campaign } from '../../../../shared/contract/appraisal';
import { api } from '../../api';
import { useDocumentPreview } from '../meetings/MeetingPrint';
import { PublicityModal, type PublicityChoice } from './PublicityModal';

type Source = Parameters<ReturnType<typeof useDocumentPreview>['show']>[0];

export type AppraisalDocumentKey = 'ballots' | 'selfEvaluation' | 'tally' | 'results' | 'publicity';

const LABELS: Record<AppraisalDocumentKey, string> = {
  ballots: '民主测评表',
  selfEvaluation: '党员自评表',
  tally: '测评统计表',
  results: '评议结果汇总表',
  publicity: '公示',
};

/** `publicity`: the dates and contact chosen before the 公示 preview. */
function appraisalDocument(key: AppraisalDocumentKey, campaignId: string, publicity?: PublicityChoice): Source {
  const ref = { campaignId };
  const label = LABELS[key];
  switch (key) {
    case 'ballots':
      return { label, preview: () => api().call('appraisal.previewBallots', ref), exportWord: () => api().call('appraisal.exportBallots', ref) };
    case 'selfEvaluation':
      return { label, preview: () => api().call('appraisal.previewSelfEvaluation', ref), exportWord: () => api().call('appraisal.exportSelfEvaluation', ref) };
    case 'tally':
      return { label, preview: () => api().call('appraisal.previewTally', ref), exportWord: () => api().call('appraisal.exportTally', ref) };
    case 'results':
      return { label, preview: () => api().call('appraisal.previewResults', ref), exportWord: () => api().call('appraisal.exportResults', ref) };
    case 'publicity': {
      const input = { ...ref, ...publicity, contact: publicity?.contact || null };
      return { label, preview: () => api().call('appraisal.previewPublicity', input), exportWord: () => api().call('appraisal.exportPublicity', input) };
    }
  }
}

/** One button per document, each opening its preview. */
export function AppraisalPrintButtons({ campaign, documents }: { campaign: Campaign; documents: { key: AppraisalDocumentKey; button: string }[] }) {
  const preview = useDocumentPreview(`${campaign.year} 年民主评议`);
  const [clicked, setClicked] = useState<AppraisalDocumentKey | null>(null);
  const [askingPublicity, setAskingPublicity] = useState(false);
  return (
    <>
      {documents.map(({ key, button }) => (
        <Button
          key={key}
          icon={<PrinterOutlined aria-hidden="true" />}
          loading={preview.loading && clicked === key}
          disabled={preview.loading && clicked !== key}
          onClick={() => {
            setClicked(key);
            if (key === 'publicity') setAskingPublicity(true);
            else void preview.show(appraisalDocument(key, campaign.id));
          }}
        >
          {button}
        </Button>
      ))}
      <PublicityModal
        campaign={campaign}
        open={askingPublicity}
        onCancel={() => setAskingPublicity(false)}
        onChoose={(choice) => {
          setAskingPublicity(false);
          void preview.show(appraisalDocument('publicity', campaign.id, choice));
        }}
      />
      {preview.element}
    </>
  );
}
