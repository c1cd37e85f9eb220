/** Ant Design theme: large, high-contrast text for older users; every text colour passes WCAG AA on white. */
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', system-ui, sans-serif";

export const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    fontSizeSM: 14,
    fontFamily: FONT_FAMILY,
    controlHeight: 40,
    controlHeightSM: 32,
    controlHeightLG: 48,
    borderRadius: 6,
    colorPrimary: '#b3141d',
    colorLink: '#a8071a',
    // Darker on hover, not lighter: a hovered link stays readable on the marked (pale yellow) row and on grey.
    colorLinkHover: '#820014',
    colorLinkActive: '#5c0011',
    colorError: '#c41d1d',
    colorWarning: '#ad5c00',
    colorSuccess: '#2f7a0f',
    colorInfo: '#1d55b5',
    colorSuccessBg: '#f0f9eb',
    colorSuccessBorder: '#b7dfa0',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorInfoBg: '#eef3fc',
    colorInfoBorder: '#a9c3f0',
    colorText: 'rgba(0, 0, 0, 0.9)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextLabel: 'rgba(0, 0, 0, 0.85)',
  },
  components: {
    Table: { cellPaddingBlock: 12, headerBg: '#f2f2f2' },
    Menu: { itemHeight: 52, iconSize: 18, itemSelectedColor: '#a8071a' },
    Form: { itemMarginBottom: 20, verticalLabelPadding: '0 0 6px' },
    Descriptions: { labelBg: '#f5f5f5' },
    // Focused fields are blue, so red stays the colour of problems.
    Input: { activeBorderColor: '#1d55b5', hoverBorderColor: '#1d55b5', activeShadow: '0 0 0 2px rgba(29, 85, 181, 0.15)' },
    InputNumber: { activeBorderColor: '#1d55b5', hoverBorderColor: '#1d55b5', activeShadow: '0 0 0 2px rgba(29, 85, 181, 0.15)' },
    Select: { activeBorderColor: '#1d55b5', hoverBorderColor: '#1d55b5', activeOutlineColor: 'rgba(29, 85, 181, 0.15)', optionSelectedBg: '#e8f0ff' },
    DatePicker: { activeBorderColor: '#1d55b5', hoverBorderColor: '#1d55b5', activeShadow: '0 0 0 2px rgba(29, 85, 181, 0.15)' },
  },
};
