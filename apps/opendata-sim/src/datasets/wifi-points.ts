// Public Wi-Fi points of the city (demo data written for the simulator, not official figures).
import { countByColumn, toCsv } from './csv';
import ROWS from './wifi-points.json' with { type: 'json' };

const HEADER = 'ma_diem,ten_diem,dia_chi,quan_huyen,loai_dia_diem,trang_thai';

/** The Wi-Fi points as CSV (UTF-8, comma-separated, one header row). */
export const WIFI_POINTS_CSV = toCsv(
  HEADER,
  ROWS.map((row, i) => [`WF${String(i + 1).padStart(3, '0')}`, ...row]),
);

/** How many points each district has, for tests that check counts from the data itself. */
export const WIFI_POINTS_BY_DISTRICT = countByColumn(ROWS, 2);
