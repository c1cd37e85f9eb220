/** ECharts with only the chart types and components used (tree-shaken); imported on the first chart drawn. */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };
