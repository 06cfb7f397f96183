// Administrative units of the city (demo data written for the simulator).
export interface AdminUnit {
  ma: string;
  ten: string;
  cap: string;
  truc_thuoc: string;
  dien_tich_km2: number;
  so_phuong_xa: number;
}

export const ADMIN_UNITS: AdminUnit[] = [
  {
    ma: '760',
    ten: 'Quận 1',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 7.73,
    so_phuong_xa: 10,
  },
  {
    ma: '770',
    ten: 'Quận 3',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 4.92,
    so_phuong_xa: 12,
  },
  {
    ma: '774',
    ten: 'Quận 5',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 4.27,
    so_phuong_xa: 14,
  },
  {
    ma: '775',
    ten: 'Quận 6',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 7.14,
    so_phuong_xa: 14,
  },
  {
    ma: '764',
    ten: 'Quận Gò Vấp',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 19.73,
    so_phuong_xa: 16,
  },
  {
    ma: '765',
    ten: 'Quận Bình Thạnh',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 20.78,
    so_phuong_xa: 20,
  },
  {
    ma: '766',
    ten: 'Quận Tân Bình',
    cap: 'Quận',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 22.43,
    so_phuong_xa: 15,
  },
  {
    ma: '769',
    ten: 'TP Thủ Đức',
    cap: 'Thành phố thuộc thành phố',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 211.56,
    so_phuong_xa: 34,
  },
  {
    ma: '783',
    ten: 'Huyện Củ Chi',
    cap: 'Huyện',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 434.77,
    so_phuong_xa: 21,
  },
  {
    ma: '787',
    ten: 'Huyện Cần Giờ',
    cap: 'Huyện',
    truc_thuoc: 'TP.HCM',
    dien_tich_km2: 704.45,
    so_phuong_xa: 7,
  },
];

export const ADMIN_UNITS_JSON = JSON.stringify(ADMIN_UNITS, null, 2);
