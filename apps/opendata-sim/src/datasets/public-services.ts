// Online public services by agency (demo data written for the simulator).
import { countByColumn, toCsv } from './csv';

const HEADER = 'ma_thu_tuc,ten_thu_tuc,co_quan,muc_do,linh_vuc';

const ROWS: [string, string, string, string, string][] = [
  ['1.001', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Sở Xây dựng', 'Toàn trình', 'Xây dựng'],
  ['1.002', 'Cấp giấy phép lái xe quốc tế', 'Sở Giao thông vận tải', 'Toàn trình', 'Giao thông'],
  ['1.003', 'Đổi giấy phép lái xe', 'Sở Giao thông vận tải', 'Toàn trình', 'Giao thông'],
  [
    '1.004',
    'Đăng ký thành lập doanh nghiệp',
    'Sở Kế hoạch và Đầu tư',
    'Toàn trình',
    'Doanh nghiệp',
  ],
  ['1.005', 'Cấp phiếu lý lịch tư pháp', 'Sở Tư pháp', 'Toàn trình', 'Tư pháp'],
  ['1.006', 'Chứng thực bản sao điện tử từ bản chính', 'Sở Tư pháp', 'Một phần', 'Tư pháp'],
  ['1.007', 'Cấp giấy phép hoạt động khám bệnh, chữa bệnh', 'Sở Y tế', 'Một phần', 'Y tế'],
  ['1.008', 'Cấp chứng chỉ hành nghề dược', 'Sở Y tế', 'Toàn trình', 'Y tế'],
  ['1.009', 'Đăng ký khai sinh', 'UBND phường, xã', 'Toàn trình', 'Hộ tịch'],
  ['1.010', 'Đăng ký kết hôn', 'UBND phường, xã', 'Một phần', 'Hộ tịch'],
  [
    '1.011',
    'Cấp giấy phép kinh doanh dịch vụ viễn thông',
    'Sở Thông tin và Truyền thông',
    'Toàn trình',
    'Viễn thông',
  ],
  [
    '1.012',
    'Cấp giấy phép xuất bản bản tin',
    'Sở Thông tin và Truyền thông',
    'Toàn trình',
    'Báo chí, xuất bản',
  ],
  ['1.013', 'Tuyển sinh đầu cấp trực tuyến', 'Sở Giáo dục và Đào tạo', 'Toàn trình', 'Giáo dục'],
  ['1.014', 'Cấp bản sao văn bằng, chứng chỉ', 'Sở Giáo dục và Đào tạo', 'Một phần', 'Giáo dục'],
];

export const PUBLIC_SERVICES_CSV = toCsv(HEADER, ROWS);

/** Services per agency, for tests that check counts from the data itself. */
export const SERVICES_BY_AGENCY = countByColumn(ROWS, 2);
