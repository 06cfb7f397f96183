// Public Wi-Fi points of the city (demo data written for the simulator, not official figures).
import { countByColumn, toCsv } from './csv';

const HEADER = 'ma_diem,ten_diem,dia_chi,quan_huyen,loai_dia_diem,trang_thai';

const ROWS: [string, string, string, string, string][] = [
  ['Công viên 30/4', 'Đường Lê Duẩn, Phường Bến Nghé', 'Quận 1', 'Công viên', 'Hoạt động'],
  ['Phố đi bộ Nguyễn Huệ', 'Đường Nguyễn Huệ, Phường Bến Nghé', 'Quận 1', 'Phố đi bộ', 'Hoạt động'],
  ['Chợ Bến Thành', 'Đường Lê Lợi, Phường Bến Thành', 'Quận 1', 'Chợ', 'Hoạt động'],
  ['Công viên Tao Đàn', 'Đường Trương Định, Phường Bến Thành', 'Quận 1', 'Công viên', 'Hoạt động'],
  ['Bến Bạch Đằng', 'Đường Tôn Đức Thắng, Phường Bến Nghé', 'Quận 1', 'Bến tàu', 'Hoạt động'],
  ['Công viên Lê Văn Tám', 'Đường Hai Bà Trưng, Phường Đa Kao', 'Quận 1', 'Công viên', 'Bảo trì'],
  ['Hồ Con Rùa', 'Đường Võ Văn Tần, Phường Võ Thị Sáu', 'Quận 3', 'Công viên', 'Hoạt động'],
  [
    'Công viên Tao Đàn phía Nam Kỳ Khởi Nghĩa',
    'Đường Nam Kỳ Khởi Nghĩa, Phường Võ Thị Sáu',
    'Quận 3',
    'Công viên',
    'Hoạt động',
  ],
  ['UBND Quận 3', 'Đường Lê Văn Sỹ, Phường 13', 'Quận 3', 'Trụ sở hành chính', 'Hoạt động'],
  ['Chợ Bình Tây', 'Đường Tháp Mười, Phường 2', 'Quận 6', 'Chợ', 'Hoạt động'],
  ['Chợ An Đông', 'Đường An Dương Vương, Phường 9', 'Quận 5', 'Chợ', 'Hoạt động'],
  ['Bệnh viện Chợ Rẫy', 'Đường Nguyễn Chí Thanh, Phường 12', 'Quận 5', 'Bệnh viện', 'Hoạt động'],
  ['Công viên Văn Lang', 'Đường Trần Hưng Đạo, Phường 9', 'Quận 5', 'Công viên', 'Hoạt động'],
  [
    'Công viên Gia Định',
    'Đường Hoàng Minh Giám, Phường 3',
    'Quận Gò Vấp',
    'Công viên',
    'Hoạt động',
  ],
  [
    'UBND Quận Gò Vấp',
    'Đường Quang Trung, Phường 10',
    'Quận Gò Vấp',
    'Trụ sở hành chính',
    'Hoạt động',
  ],
  [
    'Khu du lịch Văn Thánh',
    'Đường Điện Biên Phủ, Phường 22',
    'Quận Bình Thạnh',
    'Khu vui chơi',
    'Hoạt động',
  ],
  ['Bến xe Miền Đông', 'Đường Đinh Bộ Lĩnh, Phường 26', 'Quận Bình Thạnh', 'Bến xe', 'Hoạt động'],
  [
    'Ký túc xá Đại học Quốc gia',
    'Đường Tạ Quang Bửu, Phường Đông Hòa',
    'TP Thủ Đức',
    'Trường học',
    'Hoạt động',
  ],
  ['Khu Công nghệ cao', 'Đường D1, Phường Tân Phú', 'TP Thủ Đức', 'Khu công nghệ', 'Hoạt động'],
  [
    'Công viên bờ sông Sài Gòn',
    'Đường Trần Não, Phường An Khánh',
    'TP Thủ Đức',
    'Công viên',
    'Hoạt động',
  ],
  [
    'Nhà văn hóa Thanh niên Thủ Đức',
    'Đường Võ Văn Ngân, Phường Linh Chiểu',
    'TP Thủ Đức',
    'Nhà văn hóa',
    'Bảo trì',
  ],
  ['Sân bay Tân Sơn Nhất', 'Đường Trường Sơn, Phường 2', 'Quận Tân Bình', 'Nhà ga', 'Hoạt động'],
  [
    'Công viên Hoàng Văn Thụ',
    'Đường Hoàng Văn Thụ, Phường 2',
    'Quận Tân Bình',
    'Công viên',
    'Hoạt động',
  ],
  ['Chợ Tân Định', 'Đường Hai Bà Trưng, Phường Tân Định', 'Quận 1', 'Chợ', 'Hoạt động'],
];

/** The Wi-Fi points as CSV (UTF-8, comma-separated, one header row). */
export const WIFI_POINTS_CSV = toCsv(
  HEADER,
  ROWS.map((row, i) => [`WF${String(i + 1).padStart(3, '0')}`, ...row]),
);

/** How many points each district has, for tests that check counts from the data itself. */
export const WIFI_POINTS_BY_DISTRICT = countByColumn(ROWS, 2);
