import { ADMIN_UNITS_JSON } from './datasets/admin-units';
import { PUBLIC_SERVICES_CSV } from './datasets/public-services';
import { WIFI_POINTS_CSV } from './datasets/wifi-points';

/**
 * A large file made row by row as the reader takes it: the access log as CSV, or the same
 * rows as a JSON array (`array`) or a CKAN DataStore answer (`records`: `result.records`).
 */
export interface GeneratedContent {
  rows: number;
  shape?: 'csv' | 'array' | 'records';
}

/** The generated file's text, in pieces. */
export function* generatedFile(content: GeneratedContent): Generator<string> {
  const row = (i: number) => ({
    thoi_diem: `2026-01-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
    kenh: i % 2 ? 'web' : 'mobile',
    luot_truy_cap: (i * 37) % 1000,
  });
  const shape = content.shape ?? 'csv';
  if (shape === 'csv') {
    yield 'thoi_diem,kenh,luot_truy_cap\n';
    for (let i = 0; i < content.rows; i++) yield `${Object.values(row(i)).join(',')}\n`;
    return;
  }
  if (shape === 'records')
    yield '{"help":"datastore_search","success":true,"result":{"fields":[{"id":"thoi_diem","type":"timestamp"},{"id":"kenh","type":"text"},{"id":"luot_truy_cap","type":"int"}],"records":[';
  else yield '[';
  for (let i = 0; i < content.rows; i++) yield `${i ? ',' : ''}\n${JSON.stringify(row(i))}`;
  yield shape === 'records' ? `\n],"total":${content.rows}}}\n` : '\n]\n';
}

/** A resource as the simulator keeps it: its bytes, or a generator of many rows. */
export interface SimResource {
  id: string;
  name: string;
  description: string;
  format: string;
  mimetype: string;
  /** The file name in the download URL. */
  file: string;
  content: string | GeneratedContent;
  lastModified: string;
}

export interface SimOrganization {
  id: string;
  name: string;
  title: string;
  description: string;
}

export interface SimDataset {
  id: string;
  name: string;
  title: string;
  notes: string;
  licenseId: string;
  licenseTitle: string;
  licenseUrl: string;
  organization: string;
  groups: string[];
  tags: string[];
  frequency: string;
  created: string;
  modified: string;
  resources: SimResource[];
}

export const ORGANIZATIONS: SimOrganization[] = [
  {
    id: 'org-stttt',
    name: 'so-thong-tin-va-truyen-thong',
    title: 'Sở Thông tin và Truyền thông',
    description: 'Cơ quan chuyên môn về thông tin, truyền thông và chuyển đổi số của Thành phố.',
  },
  {
    id: 'org-snv',
    name: 'so-noi-vu',
    title: 'Sở Nội vụ',
    description: 'Cơ quan quản lý nhà nước về tổ chức bộ máy và địa giới hành chính.',
  },
  {
    id: 'org-vpubnd',
    name: 'van-phong-ubnd-thanh-pho',
    title: 'Văn phòng Ủy ban nhân dân Thành phố',
    description: 'Đầu mối cải cách thủ tục hành chính và Cổng dịch vụ công của Thành phố.',
  },
];

export const GROUPS = [
  { id: 'grp-htt', name: 'ha-tang-so', title: 'Hạ tầng số' },
  { id: 'grp-hc', name: 'hanh-chinh', title: 'Hành chính' },
  { id: 'grp-dvc', name: 'dich-vu-cong', title: 'Dịch vụ công' },
];

const T0 = '2026-01-05T08:00:00.000000';

/** The demo catalog: three datasets that the assistant can preview and count rows of. */
export function demoDatasets(): SimDataset[] {
  return [
    {
      id: 'ds-wifi-cong-cong',
      name: 'diem-wifi-cong-cong',
      title: 'Điểm Wi-Fi công cộng miễn phí',
      notes:
        'Danh sách các điểm phát Wi-Fi công cộng miễn phí do Thành phố triển khai tại công viên, chợ, phố đi bộ, bến xe và trụ sở hành chính, kèm địa chỉ, quận huyện và trạng thái hoạt động.',
      licenseId: 'cc-by',
      licenseTitle: 'Creative Commons Attribution',
      licenseUrl: 'http://www.opendefinition.org/licenses/cc-by',
      organization: 'so-thong-tin-va-truyen-thong',
      groups: ['ha-tang-so'],
      tags: ['wifi', 'hạ tầng số', 'internet'],
      frequency: 'Hàng quý',
      created: T0,
      modified: '2026-03-01T09:30:00.000000',
      resources: [
        {
          id: 'res-wifi-csv',
          name: 'Danh sách điểm Wi-Fi công cộng',
          description: 'Mỗi dòng là một điểm phát Wi-Fi.',
          format: 'CSV',
          mimetype: 'text/csv',
          file: 'diem-wifi-cong-cong.csv',
          content: WIFI_POINTS_CSV,
          lastModified: '2026-03-01T09:30:00.000000',
        },
      ],
    },
    {
      id: 'ds-don-vi-hanh-chinh',
      name: 'don-vi-hanh-chinh',
      title: 'Đơn vị hành chính cấp quận, huyện',
      notes:
        'Danh mục đơn vị hành chính cấp quận, huyện và thành phố thuộc thành phố của TP.HCM với mã đơn vị, diện tích và số phường, xã trực thuộc.',
      licenseId: 'odc-odbl',
      licenseTitle: 'Open Data Commons Open Database License (ODbL)',
      licenseUrl: 'http://www.opendefinition.org/licenses/odc-odbl',
      organization: 'so-noi-vu',
      groups: ['hanh-chinh'],
      tags: ['hành chính', 'địa giới'],
      frequency: 'Hàng năm',
      created: T0,
      modified: '2026-02-10T10:00:00.000000',
      resources: [
        {
          id: 'res-dvhc-json',
          name: 'Danh mục đơn vị hành chính (JSON)',
          description: 'Mảng JSON, mỗi phần tử là một đơn vị hành chính.',
          format: 'JSON',
          mimetype: 'application/json',
          file: 'don-vi-hanh-chinh.json',
          content: ADMIN_UNITS_JSON,
          lastModified: '2026-02-10T10:00:00.000000',
        },
      ],
    },
    {
      id: 'ds-dich-vu-cong',
      name: 'dich-vu-cong-truc-tuyen',
      title: 'Dịch vụ công trực tuyến theo cơ quan',
      notes:
        'Danh mục dịch vụ công trực tuyến toàn trình và một phần trên Cổng dịch vụ công Thành phố, theo cơ quan giải quyết và lĩnh vực.',
      licenseId: 'cc-by',
      licenseTitle: 'Creative Commons Attribution',
      licenseUrl: 'http://www.opendefinition.org/licenses/cc-by',
      organization: 'van-phong-ubnd-thanh-pho',
      groups: ['dich-vu-cong', 'hanh-chinh'],
      tags: ['dịch vụ công', 'thủ tục hành chính'],
      frequency: 'Hàng tháng',
      created: T0,
      modified: '2026-03-15T14:00:00.000000',
      resources: [
        {
          id: 'res-dvc-csv',
          name: 'Danh mục dịch vụ công trực tuyến',
          description: 'Mỗi dòng là một thủ tục với cơ quan giải quyết và mức độ.',
          format: 'CSV',
          mimetype: 'text/csv',
          file: 'dich-vu-cong-truc-tuyen.csv',
          content: PUBLIC_SERVICES_CSV,
          lastModified: '2026-03-15T14:00:00.000000',
        },
        {
          id: 'res-dvc-xlsx',
          name: 'Bảng tổng hợp (Excel)',
          description: 'Cùng dữ liệu, định dạng Excel.',
          format: 'XLSX',
          mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          file: 'dich-vu-cong-truc-tuyen.xlsx',
          content: 'PK\u0003\u0004 not a real workbook',
          lastModified: '2026-03-15T14:00:00.000000',
        },
        {
          id: 'res-dvc-log',
          name: 'Nhật ký lượt truy cập Cổng dịch vụ công',
          description: 'Tệp lớn: mỗi dòng là một lượt truy cập (dữ liệu tổng hợp theo giờ).',
          format: 'CSV',
          mimetype: 'text/csv',
          file: 'nhat-ky-truy-cap.csv',
          content: { rows: 200_000 },
          lastModified: '2026-03-15T14:00:00.000000',
        },
      ],
    },
  ];
}

/** A CKAN timestamp (UTC, no zone, microseconds) for `date`. */
export function ckanTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '000');
}

/** Parses a CKAN timestamp or a Solr date (`2026-01-01T00:00:00Z`) as UTC; null when invalid. */
export function parseTimestamp(text: string): Date | null {
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}
