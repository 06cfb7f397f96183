import { z } from 'zod';
import replies from '../data/seed-replies.json' with { type: 'json' };
import threads from '../data/seed-threads.json' with { type: 'json' };
import { THREAD_KINDS } from './domain/forum-types';

/** Demo participants: associations, businesses, experts, citizens, officers, a moderator. */
export const SEED_PEOPLE = {
  hoiTinHoc: { name: 'Hội Tin học TP.HCM', email: 'hoitinhoc@example.com' },
  hiepHoiDN: { name: 'Hiệp hội Doanh nghiệp TP.HCM', email: 'hupa@example.com' },
  doanhNhanTre: { name: 'Hội Doanh nhân trẻ TP.HCM', email: 'ybahcm@example.com' },
  hoiNongDan: { name: 'Hội Nông dân huyện Củ Chi', email: 'nongdan.cuchi@example.com' },
  saiGonSo: { name: 'Công ty CP Giải pháp Số Sài Gòn', email: 'lienhe@saigonso.example.com' },
  htxRauSach: { name: 'HTX Rau sạch Tân Phú Trung', email: 'htx.tanphutrung@example.com' },
  logistics: { name: 'Công ty TNHH Vận tải Cát Lái', email: 'it@catlai-logistics.example.com' },
  nhaThuoc: { name: 'Chuỗi nhà thuốc Phúc Khang', email: 'cskh@phuckhang.example.com' },
  tsNam: { name: 'TS. Nguyễn Hoàng Nam (an toàn thông tin)', email: 'hoangnam@example.com' },
  thsMaiAnh: { name: 'ThS. Trần Mai Anh (dữ liệu mở)', email: 'maianh.data@example.com' },
  pgsHung: { name: 'PGS.TS. Lê Quốc Hùng (đô thị thông minh)', email: 'lqhung@example.com' },
  anhBinh: { name: 'Nguyễn Văn Bình', email: 'binh.nguyen@example.com' },
  chiLan: { name: 'Phạm Thị Lan', email: 'lan.pham@example.com' },
  coHoa: { name: 'Võ Thị Hoa (giáo viên tiểu học)', email: 'hoa.vo@example.com' },
  bacTu: { name: 'Trần Văn Tư (hưu trí)', email: null },
  sinhVienKhoa: { name: 'Đặng Minh Khoa (sinh viên)', email: 'khoa.dang@example.com' },
  chuTiem: { name: 'Lý Thanh Tâm (tiểu thương chợ Bến Thành)', email: null },
  taiXe: { name: 'Huỳnh Công Danh (tài xế công nghệ)', email: 'danh.huynh@example.com' },
  spam: { name: 'Khuyến mãi 88', email: null },
} as const;

export type SeedPerson = keyof typeof SEED_PEOPLE;

export const SEED_OFFICERS = {
  'SO-KHCN': { id: 'seed-officer-khcn', name: 'Phòng Chuyển đổi số, Sở Khoa học và Công nghệ' },
  'TT-CDS': { id: 'seed-officer-ttcds', name: 'Trung tâm Chuyển đổi số Thành phố' },
  'SO-YT': { id: 'seed-officer-yt', name: 'Văn phòng Sở Y tế' },
  'SO-GDDT': { id: 'seed-officer-gddt', name: 'Phòng Công nghệ thông tin, Sở Giáo dục và Đào tạo' },
  'SO-XD': { id: 'seed-officer-xd', name: 'Văn phòng Sở Xây dựng' },
  'SO-CT': { id: 'seed-officer-ct', name: 'Phòng Thương mại điện tử, Sở Công Thương' },
  'SO-TC': { id: 'seed-officer-tc', name: 'Văn phòng Sở Tài chính' },
} as const;

export type SeedDepartment = keyof typeof SEED_OFFICERS;

// The demo threads and replies are data: they live in apps/forum/data/*.json and are checked
// here, so a misspelt kind or person fails at load rather than in the database.
const seedPerson = z.enum(Object.keys(SEED_PEOPLE) as SeedPerson[]);

const seedThread = z.object({
  kind: z.enum(THREAD_KINDS),
  category: z.string(),
  by: seedPerson,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  /** Unit code of the department it is assigned to; an answer needs an officer of SEED_OFFICERS. */
  department: z.string().optional(),
  answer: z.string().optional(),
  referred: z.string().optional(),
  closed: z.boolean().optional(),
  hidden: z.boolean().optional(),
});
export type SeedThread = z.infer<typeof seedThread>;

export const SEED_THREADS: SeedThread[] = z.array(seedThread).parse(threads);

/** Replies people leave, in turn, on the threads (plain text, as typed). */
export const SEED_REPLIES = z.array(z.object({ by: seedPerson, body: z.string() })).parse(replies);
