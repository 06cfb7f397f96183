// Online public services by agency (demo data written for the simulator).
import { countByColumn, toCsv } from './csv';
import ROWS from './public-services.json' with { type: 'json' };

const HEADER = 'ma_thu_tuc,ten_thu_tuc,co_quan,muc_do,linh_vuc';

export const PUBLIC_SERVICES_CSV = toCsv(HEADER, ROWS);

/** Services per agency, for tests that check counts from the data itself. */
export const SERVICES_BY_AGENCY = countByColumn(ROWS, 2);
