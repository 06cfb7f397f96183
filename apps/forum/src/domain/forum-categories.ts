/** A forum category. The list is reference data kept with the code (ids are stable slugs). */
export interface ForumCategory {
  id: string;
  name: string;
  description: string;
}

export const FORUM_CATEGORIES: readonly ForumCategory[] = Object.freeze([
  {
    id: 'chinh-quyen-so',
    name: 'Chính quyền số',
    description: 'Dịch vụ công trực tuyến, thủ tục hành chính, dữ liệu mở của Thành phố.',
  },
  {
    id: 'kinh-te-so',
    name: 'Kinh tế số',
    description: 'Doanh nghiệp chuyển đổi số, thương mại điện tử, thanh toán không dùng tiền mặt.',
  },
  {
    id: 'xa-hoi-so',
    name: 'Xã hội số',
    description: 'Kỹ năng số cho người dân, y tế, giáo dục và đời sống số.',
  },
  {
    id: 'ha-tang-so',
    name: 'Hạ tầng và an toàn thông tin',
    description: 'Mạng, trung tâm dữ liệu, điện toán đám mây, an toàn an ninh mạng.',
  },
  {
    id: 'do-thi-thong-minh',
    name: 'Đô thị thông minh',
    description: 'Giao thông, môi trường, quy hoạch và các nền tảng đô thị thông minh.',
  },
  {
    id: 'gop-y-chung',
    name: 'Góp ý chung',
    description: 'Ý kiến, câu hỏi khác về Cổng thông tin và chương trình chuyển đổi số.',
  },
]);

const byId = new Map(FORUM_CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): ForumCategory | undefined {
  return byId.get(id);
}
