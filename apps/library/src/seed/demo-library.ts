import type { Audience, MediaFormat } from '../domain/library-item';
import type { PlatformAppCategory } from '../domain/platform-app-input';
import type { ShowcaseAward } from '../domain/showcase-input';

/**
 * Demo content for local runs: training material of the kind the city's Digital
 * Transformation portal offers (handbooks, lectures, podcasts, courses from ministries,
 * publishers and international bodies) and the city's apps and platforms. Links and
 * store pages are given as published at the time of writing; editors check them before
 * anything here is used outside a demo.
 */

export type SampleFile =
  | { kind: 'pdf'; pages: number }
  | { kind: 'docx' }
  | { kind: 'epub'; chapters: string[] }
  | { kind: 'png'; hue: number }
  | { kind: 'video-mp4' }
  | { kind: 'video-webm' }
  | { kind: 'audio-mp3' }
  | { kind: 'audio-m4a' };

export interface DemoItem {
  title: string;
  description: string;
  format: MediaFormat;
  topics: string[];
  audience: Audience[];
  publisher: string;
  language?: string;
  files: SampleFile[];
  externalUrl?: string;
  durationSeconds?: number;
  pageCount?: number;
  /** Days before the seed ran that it was published; absent for drafts. */
  publishedDaysAgo?: number;
  archived?: boolean;
  /** Demo popularity (flushed counts), so listings do not all show zero. */
  downloads?: number;
  views?: number;
  /** Slug of the demo collection it belongs to, in list order. */
  collection?: string;
}

export interface DemoCollection {
  slug: string;
  title: string;
  description: string;
}

export const DEMO_COLLECTIONS: DemoCollection[] = [
  {
    slug: 'khoa-hoc-ky-nang-so-co-ban-cho-nguoi-dan',
    title: 'Khóa học Kỹ năng số cơ bản cho người dân',
    description:
      'Sáu bài học ngắn giúp người dân dùng điện thoại thông minh để làm thủ tục trực tuyến, thanh toán không dùng tiền mặt và tự bảo vệ mình trên không gian mạng.',
  },
  {
    slug: 'boi-duong-chuyen-doi-so-cho-can-bo-cong-chuc',
    title: 'Bồi dưỡng chuyển đổi số cho cán bộ, công chức',
    description:
      'Chương trình bồi dưỡng theo vị trí việc làm: chính phủ số, quản trị dữ liệu, an toàn thông tin và xử lý hồ sơ trên môi trường số.',
  },
  {
    slug: 'chuyen-doi-so-cho-doanh-nghiep-nho-va-vua',
    title: 'Chuyển đổi số cho doanh nghiệp nhỏ và vừa',
    description:
      'Lộ trình từng bước cho hộ kinh doanh và doanh nghiệp nhỏ: hóa đơn điện tử, bán hàng trực tuyến, dữ liệu khách hàng và điện toán đám mây.',
  },
];

const CITIZEN_COURSE = 'khoa-hoc-ky-nang-so-co-ban-cho-nguoi-dan';
const CIVIL_COURSE = 'boi-duong-chuyen-doi-so-cho-can-bo-cong-chuc';
const SME_COURSE = 'chuyen-doi-so-cho-doanh-nghiep-nho-va-vua';

export const DEMO_ITEMS: DemoItem[] = [
  // --------------------------------------------------------------- documents
  {
    title: 'Cẩm nang Chuyển đổi số',
    description:
      'Giải thích dễ hiểu chuyển đổi số là gì, vì sao cần chuyển đổi số và bắt đầu từ đâu, kèm các câu hỏi thường gặp của người dân, doanh nghiệp và cơ quan nhà nước.',
    format: 'DOCUMENT',
    topics: ['Chuyển đổi số', 'Cẩm nang'],
    audience: ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'],
    publisher: 'Nhà xuất bản Thông tin và Truyền thông',
    files: [
      { kind: 'pdf', pages: 6 },
      { kind: 'png', hue: 205 },
    ],
    pageCount: 6,
    publishedDaysAgo: 180,
    downloads: 1843,
    views: 9210,
  },
  {
    title: 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công Thành phố',
    description:
      'Các bước đăng nhập bằng tài khoản định danh điện tử VNeID, chọn thủ tục, nộp hồ sơ, thanh toán phí và theo dõi kết quả trên Cổng Dịch vụ công Thành phố Hồ Chí Minh.',
    format: 'DOCUMENT',
    topics: ['Dịch vụ công trực tuyến', 'Chính phủ số'],
    audience: ['CITIZEN', 'BUSINESS'],
    publisher: 'Văn phòng Ủy ban nhân dân Thành phố',
    files: [{ kind: 'pdf', pages: 4 }],
    pageCount: 4,
    publishedDaysAgo: 12,
    downloads: 962,
    views: 4120,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Sổ tay bảo vệ dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP',
    description:
      'Tóm tắt quyền của chủ thể dữ liệu, nghĩa vụ của bên kiểm soát và xử lý dữ liệu cá nhân, kèm mẫu quy trình cho cơ quan và doanh nghiệp.',
    format: 'DOCUMENT',
    topics: ['Dữ liệu cá nhân', 'An toàn thông tin'],
    audience: ['CIVIL_SERVANT', 'BUSINESS'],
    publisher: 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh',
    files: [{ kind: 'docx' }, { kind: 'pdf', pages: 5 }],
    pageCount: 5,
    publishedDaysAgo: 40,
    downloads: 511,
    views: 2033,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Quy trình số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    description:
      'Hướng dẫn bộ phận một cửa số hóa hồ sơ đầu vào, ký số, lưu trữ và tái sử dụng kết quả giải quyết thủ tục hành chính.',
    format: 'DOCUMENT',
    topics: ['Chính phủ số', 'Số hóa hồ sơ'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Văn phòng Ủy ban nhân dân Thành phố',
    files: [{ kind: 'docx' }],
    publishedDaysAgo: 65,
    downloads: 388,
    views: 1504,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Luật Giao dịch điện tử 2023: những điểm mới cần biết',
    description:
      'Tài liệu phổ biến pháp luật về giá trị pháp lý của thông điệp dữ liệu, chữ ký điện tử, hợp đồng điện tử và giao dịch điện tử của cơ quan nhà nước.',
    format: 'DOCUMENT',
    topics: ['Pháp luật', 'Giao dịch điện tử'],
    audience: ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'],
    publisher: 'Sở Tư pháp Thành phố Hồ Chí Minh',
    files: [{ kind: 'pdf', pages: 3 }],
    pageCount: 3,
    publishedDaysAgo: 95,
    downloads: 702,
    views: 3011,
  },
  {
    title: 'Hướng dẫn sử dụng hóa đơn điện tử cho hộ kinh doanh',
    description:
      'Đăng ký, lập, ký và gửi hóa đơn điện tử có mã của cơ quan thuế; xử lý hóa đơn sai sót; lưu trữ hóa đơn.',
    format: 'DOCUMENT',
    topics: ['Hóa đơn điện tử', 'Kinh tế số'],
    audience: ['BUSINESS'],
    publisher: 'Thuế Thành phố Hồ Chí Minh',
    files: [{ kind: 'pdf', pages: 4 }],
    pageCount: 4,
    publishedDaysAgo: 30,
    downloads: 1204,
    views: 3870,
    collection: SME_COURSE,
  },
  {
    title: 'Khung kiến trúc Chính quyền số Thành phố Hồ Chí Minh',
    description:
      'Tổng quan các thành phần nền tảng dùng chung, cơ sở dữ liệu, hệ thống thông tin và nguyên tắc kết nối, chia sẻ dữ liệu của Thành phố.',
    format: 'DOCUMENT',
    topics: ['Chính phủ số', 'Kiến trúc'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'pdf', pages: 8 }],
    pageCount: 8,
    publishedDaysAgo: 150,
    downloads: 276,
    views: 1190,
  },
  {
    title: 'Bộ chỉ số đánh giá mức độ chuyển đổi số cấp xã, phường',
    description:
      'Giải thích các chỉ số về chính quyền số, kinh tế số, xã hội số và cách tự đánh giá, báo cáo định kỳ.',
    format: 'DOCUMENT',
    topics: ['Đánh giá', 'Chính phủ số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh',
    files: [{ kind: 'docx' }],
    publishedDaysAgo: 22,
    downloads: 190,
    views: 640,
  },
  {
    title: 'Báo cáo Kinh tế số Đông Nam Á (bản tóm tắt tiếng Việt)',
    description:
      'Tóm tắt xu hướng thương mại điện tử, thanh toán số, du lịch trực tuyến và vận tải gọi xe trong khu vực, với số liệu về Việt Nam.',
    format: 'DOCUMENT',
    topics: ['Kinh tế số', 'Thương mại điện tử'],
    audience: ['BUSINESS'],
    publisher: 'Google, Temasek và Bain & Company',
    files: [{ kind: 'pdf', pages: 5 }],
    pageCount: 5,
    publishedDaysAgo: 75,
    downloads: 455,
    views: 1380,
    collection: SME_COURSE,
  },
  {
    title: 'Dự thảo Kế hoạch chuyển đổi số năm tới của Thành phố',
    description: 'Bản dự thảo để các sở, ngành góp ý; chưa công bố.',
    format: 'DOCUMENT',
    topics: ['Kế hoạch', 'Chuyển đổi số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh',
    files: [{ kind: 'docx' }],
  },
  // ------------------------------------------------------------------ videos
  {
    title: 'Bài 1: Cài đặt và kích hoạt tài khoản định danh điện tử VNeID',
    description:
      'Video hướng dẫn cài ứng dụng VNeID, đăng ký và kích hoạt tài khoản định danh điện tử mức độ 2 để dùng dịch vụ công.',
    format: 'VIDEO',
    topics: ['Định danh điện tử', 'Kỹ năng số'],
    audience: ['CITIZEN'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'video-mp4' }, { kind: 'video-webm' }],
    durationSeconds: 5,
    publishedDaysAgo: 60,
    downloads: 2140,
    views: 12044,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Bài 2: Thanh toán không dùng tiền mặt an toàn',
    description:
      'Quét mã QR, chuyển khoản, thanh toán hóa đơn điện, nước và học phí bằng ví điện tử hoặc ứng dụng ngân hàng một cách an toàn.',
    format: 'VIDEO',
    topics: ['Thanh toán số', 'Kỹ năng số'],
    audience: ['CITIZEN'],
    publisher: 'Ngân hàng Nhà nước Việt Nam, Chi nhánh Khu vực 2',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
    publishedDaysAgo: 58,
    downloads: 1320,
    views: 8150,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Bài 3: Nhận diện lừa đảo trực tuyến',
    description:
      'Các thủ đoạn lừa đảo phổ biến qua điện thoại, mạng xã hội và tin nhắn giả mạo cơ quan nhà nước; cách kiểm tra và báo cáo.',
    format: 'VIDEO',
    topics: ['An toàn thông tin', 'Kỹ năng số'],
    audience: ['CITIZEN'],
    publisher: 'Công an Thành phố Hồ Chí Minh',
    files: [{ kind: 'video-webm' }],
    durationSeconds: 5,
    publishedDaysAgo: 55,
    downloads: 3012,
    views: 15230,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Tọa đàm: Dữ liệu mở cho đổi mới sáng tạo',
    description:
      'Ghi hình tọa đàm giữa các sở, ngành, trường đại học và doanh nghiệp khởi nghiệp về khai thác dữ liệu mở của Thành phố.',
    format: 'VIDEO',
    topics: ['Dữ liệu mở', 'Đổi mới sáng tạo'],
    audience: ['BUSINESS', 'CIVIL_SERVANT'],
    publisher: 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
    publishedDaysAgo: 20,
    downloads: 140,
    views: 980,
  },
  {
    title: 'Ký số văn bản trên hệ thống quản lý văn bản và điều hành',
    description:
      'Hướng dẫn cán bộ dùng chữ ký số chuyên dùng để ký, phát hành và tiếp nhận văn bản điện tử.',
    format: 'VIDEO',
    topics: ['Chữ ký số', 'Chính phủ số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Văn phòng Ủy ban nhân dân Thành phố',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
    publishedDaysAgo: 45,
    downloads: 610,
    views: 2750,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Bán hàng trên sàn thương mại điện tử: bắt đầu từ đâu?',
    description:
      'Chọn sàn, mở gian hàng, chụp ảnh sản phẩm, định giá, giao vận và chăm sóc khách hàng cho hộ kinh doanh.',
    format: 'VIDEO',
    topics: ['Thương mại điện tử', 'Kinh tế số'],
    audience: ['BUSINESS'],
    publisher: 'Sở Công Thương Thành phố Hồ Chí Minh',
    files: [{ kind: 'video-webm' }],
    durationSeconds: 5,
    publishedDaysAgo: 33,
    downloads: 845,
    views: 4402,
    collection: SME_COURSE,
  },
  {
    title: 'Trí tuệ nhân tạo trong công việc hằng ngày của công chức',
    description:
      'Dùng trợ lý AI để tóm tắt văn bản, soạn thảo và tra cứu có trách nhiệm; những điều không được đưa vào công cụ AI.',
    format: 'VIDEO',
    topics: ['Trí tuệ nhân tạo', 'Kỹ năng số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
    publishedDaysAgo: 5,
    downloads: 205,
    views: 1611,
  },
  // ------------------------------------------------------------------- audio
  {
    title: 'Podcast Chuyển đổi số mỗi tuần: Chính quyền số gần dân',
    description:
      'Số podcast về các dịch vụ công trực tuyến mới, kênh phản ánh kiến nghị và cách người dân tham gia góp ý chính sách.',
    format: 'AUDIO',
    topics: ['Chính phủ số', 'Podcast'],
    audience: ['CITIZEN'],
    publisher: 'Đài Tiếng nói Nhân dân Thành phố Hồ Chí Minh',
    files: [{ kind: 'audio-mp3' }],
    durationSeconds: 9,
    publishedDaysAgo: 14,
    downloads: 330,
    views: 1450,
  },
  {
    title: 'Nghe luật: Quyền của bạn với dữ liệu cá nhân',
    description:
      'Bản tin âm thanh ngắn giải thích quyền được biết, đồng ý, rút lại sự đồng ý và yêu cầu xóa dữ liệu cá nhân.',
    format: 'AUDIO',
    topics: ['Dữ liệu cá nhân', 'Pháp luật'],
    audience: ['CITIZEN'],
    publisher: 'Sở Tư pháp Thành phố Hồ Chí Minh',
    files: [{ kind: 'audio-m4a' }],
    durationSeconds: 9,
    publishedDaysAgo: 26,
    downloads: 122,
    views: 760,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Câu chuyện chuyển đổi số của một hợp tác xã nông nghiệp',
    description:
      'Phỏng vấn hợp tác xã ở huyện Củ Chi về truy xuất nguồn gốc, bán hàng trực tuyến và quản lý sản xuất bằng ứng dụng.',
    format: 'AUDIO',
    topics: ['Nông nghiệp số', 'Kinh tế số'],
    audience: ['BUSINESS'],
    publisher: 'Đài Tiếng nói Nhân dân Thành phố Hồ Chí Minh',
    files: [{ kind: 'audio-mp3' }],
    durationSeconds: 9,
    publishedDaysAgo: 48,
    downloads: 98,
    views: 520,
    collection: SME_COURSE,
  },
  {
    title: 'Bản tin an toàn thông tin cho cán bộ (tháng này)',
    description:
      'Cảnh báo các chiến dịch thư điện tử giả mạo nhắm vào cơ quan nhà nước và các bản vá cần cập nhật ngay.',
    format: 'AUDIO',
    topics: ['An toàn thông tin'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'audio-m4a' }],
    durationSeconds: 9,
    publishedDaysAgo: 3,
    downloads: 77,
    views: 402,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Digital Skills for Everyone (audio lesson)',
    description:
      'An English audio lesson on basic digital skills: safe passwords, software updates and spotting phishing messages.',
    format: 'AUDIO',
    topics: ['Kỹ năng số', 'Tiếng Anh'],
    audience: ['CITIZEN', 'BUSINESS'],
    publisher: 'UNDP Việt Nam',
    language: 'en',
    files: [{ kind: 'audio-mp3' }],
    durationSeconds: 9,
    publishedDaysAgo: 90,
    downloads: 64,
    views: 300,
  },
  // ------------------------------------------------------------------ slides
  {
    title: 'Bài giảng: Tổng quan Chương trình Chuyển đổi số quốc gia',
    description:
      'Bộ slide giới thiệu tầm nhìn, mục tiêu và ba trụ cột chính phủ số, kinh tế số, xã hội số theo Quyết định 749/QĐ-TTg.',
    format: 'SLIDES',
    topics: ['Chuyển đổi số', 'Chính sách'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Bộ Khoa học và Công nghệ',
    files: [{ kind: 'pdf', pages: 12 }],
    pageCount: 12,
    publishedDaysAgo: 120,
    downloads: 980,
    views: 3320,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Bài giảng: Đề án 06 và ứng dụng dữ liệu dân cư',
    description:
      'Slide tập huấn về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia.',
    format: 'SLIDES',
    topics: ['Định danh điện tử', 'Dữ liệu dân cư'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Công an Thành phố Hồ Chí Minh',
    files: [{ kind: 'pdf', pages: 10 }],
    pageCount: 10,
    publishedDaysAgo: 85,
    downloads: 640,
    views: 2210,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Điện toán đám mây cho doanh nghiệp nhỏ',
    description:
      'So sánh các mô hình dịch vụ đám mây, chi phí, bảo mật và lộ trình chuyển dữ liệu lên đám mây.',
    format: 'SLIDES',
    topics: ['Điện toán đám mây', 'Kinh tế số'],
    audience: ['BUSINESS'],
    publisher: 'Hiệp hội Phần mềm và Dịch vụ CNTT Việt Nam (VINASA)',
    files: [{ kind: 'pdf', pages: 9 }],
    pageCount: 9,
    publishedDaysAgo: 28,
    downloads: 310,
    views: 1200,
    collection: SME_COURSE,
  },
  {
    title: 'Quản trị dữ liệu trong cơ quan nhà nước',
    description:
      'Vai trò, trách nhiệm, danh mục dữ liệu dùng chung, chất lượng dữ liệu và chia sẻ dữ liệu qua nền tảng tích hợp.',
    format: 'SLIDES',
    topics: ['Dữ liệu', 'Chính phủ số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'pdf', pages: 11 }],
    pageCount: 11,
    publishedDaysAgo: 70,
    downloads: 420,
    views: 1650,
  },
  {
    title: 'Smart City: Lessons from Asian Cities',
    description:
      'Slides on smart city governance, urban data platforms and citizen services from cities across Asia.',
    format: 'SLIDES',
    topics: ['Đô thị thông minh'],
    audience: ['CIVIL_SERVANT', 'BUSINESS'],
    publisher: 'Asian Development Bank',
    language: 'en',
    files: [{ kind: 'pdf', pages: 7 }],
    pageCount: 7,
    publishedDaysAgo: 140,
    downloads: 150,
    views: 610,
  },
  // ------------------------------------------------------------------- ebooks
  {
    title: 'Sách điện tử: Kỹ năng số cho người cao tuổi',
    description:
      'Chữ to, hình minh họa rõ: gọi video cho con cháu, đặt lịch khám bệnh, nhận lương hưu qua tài khoản và tránh lừa đảo.',
    format: 'EBOOK',
    topics: ['Kỹ năng số', 'Người cao tuổi'],
    audience: ['CITIZEN'],
    publisher: 'Nhà xuất bản Tổng hợp Thành phố Hồ Chí Minh',
    files: [{ kind: 'epub', chapters: ['Làm quen với điện thoại', 'Gọi video', 'Tránh lừa đảo'] }],
    pageCount: 48,
    publishedDaysAgo: 100,
    downloads: 720,
    views: 2980,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Chính phủ số: từ khái niệm đến thực tiễn',
    description:
      'Sách chuyên khảo về các mô hình chính phủ số trên thế giới và bài học cho chính quyền đô thị ở Việt Nam.',
    format: 'EBOOK',
    topics: ['Chính phủ số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Nhà xuất bản Chính trị quốc gia Sự thật',
    files: [
      { kind: 'epub', chapters: ['Khái niệm', 'Kinh nghiệm quốc tế', 'Bài học cho Việt Nam'] },
      { kind: 'pdf', pages: 6 },
    ],
    pageCount: 212,
    publishedDaysAgo: 210,
    downloads: 530,
    views: 1870,
  },
  {
    title: 'Sổ tay khởi nghiệp số',
    description:
      'Từ ý tưởng đến sản phẩm số đầu tiên: kiểm chứng thị trường, mô hình kinh doanh, gọi vốn và các chương trình hỗ trợ của Thành phố.',
    format: 'EBOOK',
    topics: ['Khởi nghiệp', 'Đổi mới sáng tạo'],
    audience: ['BUSINESS'],
    publisher: 'Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo Thành phố',
    files: [{ kind: 'epub', chapters: ['Ý tưởng', 'Sản phẩm', 'Gọi vốn'] }],
    pageCount: 96,
    publishedDaysAgo: 110,
    downloads: 402,
    views: 1560,
    collection: SME_COURSE,
  },
  {
    title: 'An toàn thông tin cho gia đình',
    description:
      'Cài đặt quyền riêng tư cho mạng xã hội, quản lý thời gian dùng thiết bị của trẻ và sao lưu ảnh, tài liệu gia đình.',
    format: 'EBOOK',
    topics: ['An toàn thông tin', 'Kỹ năng số'],
    audience: ['CITIZEN'],
    publisher: 'Cục An toàn thông tin',
    files: [{ kind: 'epub', chapters: ['Mạng xã hội', 'Trẻ em trên mạng', 'Sao lưu'] }],
    pageCount: 64,
    publishedDaysAgo: 160,
    downloads: 610,
    views: 2400,
  },
  {
    title: 'The Digital Economy Handbook for Small Businesses',
    description:
      'An English handbook on e-invoicing, online payments, digital marketing and data protection for small firms.',
    format: 'EBOOK',
    topics: ['Kinh tế số', 'Tiếng Anh'],
    audience: ['BUSINESS'],
    publisher: 'OECD',
    language: 'en',
    files: [{ kind: 'pdf', pages: 8 }],
    pageCount: 8,
    publishedDaysAgo: 240,
    downloads: 88,
    views: 410,
  },
  // ----------------------------------------------------------------- courses
  {
    title: 'Khóa học trực tuyến mở: Kỹ năng số cơ bản',
    description:
      'Khóa học trên nền tảng học tập mở đại trà của Bộ Khoa học và Công nghệ: mười bài, có bài kiểm tra và chứng nhận hoàn thành.',
    format: 'COURSE',
    topics: ['Kỹ năng số', 'Học trực tuyến'],
    audience: ['CITIZEN'],
    publisher: 'Bộ Khoa học và Công nghệ',
    files: [],
    externalUrl: 'https://onetouch.mic.gov.vn',
    durationSeconds: 10 * 3600,
    publishedDaysAgo: 130,
    views: 5230,
    collection: CITIZEN_COURSE,
  },
  {
    title: 'Khóa bồi dưỡng: Lãnh đạo chuyển đổi số trong cơ quan nhà nước',
    description:
      'Chương trình sáu buổi dành cho lãnh đạo sở, ngành, quận, huyện: chiến lược, tổ chức thực hiện, đo lường và quản trị rủi ro.',
    format: 'COURSE',
    topics: ['Lãnh đạo', 'Chuyển đổi số'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
    files: [{ kind: 'pdf', pages: 4 }],
    durationSeconds: 6 * 3 * 3600,
    publishedDaysAgo: 80,
    downloads: 260,
    views: 1130,
    collection: CIVIL_COURSE,
  },
  {
    title: 'Khóa học: Tiếp thị số cho doanh nghiệp nhỏ và vừa',
    description:
      'Xây dựng trang web, tối ưu tìm kiếm, quảng cáo trên mạng xã hội và đo lường hiệu quả với ngân sách nhỏ.',
    format: 'COURSE',
    topics: ['Tiếp thị số', 'Kinh tế số'],
    audience: ['BUSINESS'],
    publisher: 'Sở Công Thương Thành phố Hồ Chí Minh',
    files: [{ kind: 'video-mp4' }, { kind: 'pdf', pages: 3 }],
    durationSeconds: 8 * 3600,
    publishedDaysAgo: 38,
    downloads: 190,
    views: 940,
    collection: SME_COURSE,
  },
  {
    title: 'Elements of AI',
    description:
      'A free online course on what artificial intelligence is, what it can and cannot do, and how to create AI methods.',
    format: 'COURSE',
    topics: ['Trí tuệ nhân tạo', 'Tiếng Anh'],
    audience: ['CITIZEN', 'CIVIL_SERVANT', 'BUSINESS'],
    publisher: 'University of Helsinki và MinnaLearn',
    language: 'en',
    files: [],
    externalUrl: 'https://www.elementsofai.com',
    durationSeconds: 30 * 3600,
    publishedDaysAgo: 200,
    views: 880,
  },
  // ------------------------------------------------------------------- links
  {
    title: 'Cổng thông tin Chuyển đổi số quốc gia',
    description:
      'Tin tức, văn bản, số liệu đo lường và tài liệu hướng dẫn chuyển đổi số của các bộ, ngành và địa phương.',
    format: 'LINK',
    topics: ['Chuyển đổi số'],
    audience: ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'],
    publisher: 'Bộ Khoa học và Công nghệ',
    files: [],
    externalUrl: 'https://dx.gov.vn',
    publishedDaysAgo: 170,
    views: 2100,
  },
  {
    title: 'Cổng thông tin Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số',
    description:
      'Danh sách nền tảng số được giới thiệu cho doanh nghiệp nhỏ và vừa, với ưu đãi và hướng dẫn đăng ký.',
    format: 'LINK',
    topics: ['Kinh tế số', 'Doanh nghiệp'],
    audience: ['BUSINESS'],
    publisher: 'Bộ Khoa học và Công nghệ',
    files: [],
    externalUrl: 'https://smedx.vn',
    publishedDaysAgo: 115,
    views: 1340,
    collection: SME_COURSE,
  },
  {
    title: 'Cẩm nang an toàn thông tin của Cục An toàn thông tin',
    description:
      'Tài liệu, cảnh báo và công cụ kiểm tra an toàn thông tin cho người dùng phổ thông và tổ chức.',
    format: 'LINK',
    topics: ['An toàn thông tin'],
    audience: ['CITIZEN', 'CIVIL_SERVANT'],
    publisher: 'Cục An toàn thông tin',
    files: [],
    externalUrl: 'https://khonggianmang.vn',
    publishedDaysAgo: 145,
    views: 990,
  },
  {
    title: 'E-Government Survey',
    description:
      'The United Nations survey ranking countries and cities on online services, telecommunication infrastructure and human capital.',
    format: 'LINK',
    topics: ['Chính phủ số', 'Tiếng Anh'],
    audience: ['CIVIL_SERVANT'],
    publisher: 'Liên Hợp Quốc (UN DESA)',
    language: 'en',
    files: [],
    externalUrl: 'https://publicadministration.un.org/egovkb',
    publishedDaysAgo: 230,
    views: 450,
  },
  {
    title: 'Thư viện điện tử dùng chung của Thành phố (lưu trữ)',
    description: 'Đường dẫn cũ đã được thay thế bằng thư viện số này; giữ lại để tra cứu.',
    format: 'LINK',
    topics: ['Thư viện số'],
    audience: ['CITIZEN'],
    publisher: 'Thư viện Khoa học Tổng hợp Thành phố Hồ Chí Minh',
    files: [],
    externalUrl: 'https://thuvientphcm.gov.vn',
    publishedDaysAgo: 400,
    archived: true,
    views: 120,
  },
  {
    title: 'Bản nháp: Video giới thiệu Trung tâm Chuyển đổi số',
    description: 'Đang chờ duyệt nội dung thuyết minh.',
    format: 'VIDEO',
    topics: ['Giới thiệu'],
    audience: ['CITIZEN'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
  },
  {
    title: 'Infographic: 10 dịch vụ công trực tuyến được dùng nhiều nhất',
    description:
      'Bảng tổng hợp hình ảnh các thủ tục người dân nộp trực tuyến nhiều nhất và thời gian giải quyết trung bình.',
    format: 'DOCUMENT',
    topics: ['Dịch vụ công trực tuyến'],
    audience: ['CITIZEN'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [
      { kind: 'pdf', pages: 1 },
      { kind: 'png', hue: 30 },
    ],
    pageCount: 1,
    publishedDaysAgo: 9,
    downloads: 340,
    views: 2050,
  },
  {
    title: 'Hỏi đáp về ứng dụng Công dân số Thành phố',
    description:
      'Những câu hỏi thường gặp khi cài đặt, đăng nhập và dùng các tiện ích của ứng dụng Công dân số.',
    format: 'DOCUMENT',
    topics: ['Ứng dụng Công dân số', 'Kỹ năng số'],
    audience: ['CITIZEN'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'docx' }],
    publishedDaysAgo: 2,
    downloads: 45,
    views: 620,
  },
  {
    title: 'AI-Challenge TP.HCM: video giới thiệu các sản phẩm đạt giải',
    description:
      'Các đội đạt giải trình diễn sản phẩm trí tuệ nhân tạo phục vụ người dân và doanh nghiệp Thành phố (video minh họa của bản demo).',
    format: 'VIDEO',
    topics: ['Trí tuệ nhân tạo', 'Đổi mới sáng tạo'],
    audience: ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'],
    publisher: 'Trung tâm Chuyển đổi số Thành phố',
    files: [{ kind: 'video-mp4' }],
    durationSeconds: 5,
    publishedDaysAgo: 20,
    downloads: 85,
    views: 1730,
  },
];

export interface DemoShowcaseEntry {
  title: string;
  description: string;
  award: ShowcaseAward;
  awardTitle: string;
  year: number;
  team: { name: string; role?: string }[];
  category: PlatformAppCategory;
  tryItUrl: string;
  tryItKind: 'APP' | 'SANDBOX';
  /** Title of a demo VIDEO item above. */
  demoVideo?: string;
  /** Demo popularity (flushed counts). */
  tryIts: number;
}

const SHOWCASE_VIDEO = 'AI-Challenge TP.HCM: video giới thiệu các sản phẩm đạt giải';

/**
 * Invented AI-Challenge winners for the demo (teams, products and sandbox links are not real;
 * the links point at example.vn).
 */
export const DEMO_SHOWCASE: DemoShowcaseEntry[] = [
  {
    title: 'Trợ lý ảo thủ tục hành chính',
    description:
      'Chatbot tiếng Việt hướng dẫn người dân chuẩn bị hồ sơ và tra cứu thủ tục hành chính của Thành phố, trích dẫn văn bản gốc trong mỗi câu trả lời.',
    award: 'FIRST',
    awardTitle: 'Giải Nhất',
    year: 2024,
    team: [
      { name: 'Nhóm Sao Mai (ĐH Bách khoa)', role: 'Đội thi' },
      { name: 'Nguyễn Hoàng Minh', role: 'Trưởng nhóm' },
    ],
    category: 'PUBLIC_SERVICES',
    tryItUrl: 'https://tro-ly-thu-tuc.example.vn',
    tryItKind: 'SANDBOX',
    demoVideo: SHOWCASE_VIDEO,
    tryIts: 1240,
  },
  {
    title: 'Cảnh báo ngập theo thời gian thực',
    description:
      'Dự báo điểm ngập trong 3 giờ tới từ dữ liệu mưa, triều cường và camera giao thông; gợi ý lộ trình tránh ngập cho người đi xe máy.',
    award: 'SECOND',
    awardTitle: 'Giải Nhì',
    year: 2024,
    team: [{ name: 'Nhóm Thủy Triều (ĐH Khoa học Tự nhiên)', role: 'Đội thi' }],
    category: 'TRANSPORT',
    tryItUrl: 'https://canh-bao-ngap.example.vn',
    tryItKind: 'APP',
    demoVideo: SHOWCASE_VIDEO,
    tryIts: 860,
  },
  {
    title: 'Đọc và trích xuất hồ sơ doanh nghiệp',
    description:
      'Nhận dạng chữ và trích xuất thông tin từ giấy đề nghị đăng ký doanh nghiệp bản scan, kiểm tra thiếu sót trước khi nộp hồ sơ.',
    award: 'THIRD',
    awardTitle: 'Giải Ba',
    year: 2024,
    team: [{ name: 'Công ty khởi nghiệp Văn Bản Số', role: 'Đội thi' }],
    category: 'BUSINESS',
    tryItUrl: 'https://doc-ho-so.example.vn/dung-thu',
    tryItKind: 'SANDBOX',
    tryIts: 410,
  },
  {
    title: 'Sàng lọc nguy cơ bệnh tim mạch tại trạm y tế',
    description:
      'Mô hình ước tính nguy cơ tim mạch từ chỉ số khám sức khỏe định kỳ, giúp trạm y tế phường xã ưu tiên người cần tái khám.',
    award: 'FIRST',
    awardTitle: 'Giải Nhất',
    year: 2023,
    team: [{ name: 'Nhóm Nhịp Tim (ĐH Y Dược)', role: 'Đội thi' }],
    category: 'HEALTH',
    tryItUrl: 'https://sang-loc-tim-mach.example.vn',
    tryItKind: 'SANDBOX',
    tryIts: 530,
  },
  {
    title: 'Phân loại phản ánh hiện trường',
    description:
      'Tự động phân loại và chuyển phản ánh của người dân (ảnh và mô tả) đến đúng cơ quan xử lý, giảm thời gian tiếp nhận của tổng đài.',
    award: 'CONSOLATION',
    awardTitle: 'Giải Khuyến khích',
    year: 2023,
    team: [{ name: 'Nhóm Phố Xanh (ĐH Công nghệ Thông tin)', role: 'Đội thi' }],
    category: 'CITIZEN_ENGAGEMENT',
    tryItUrl: 'https://phan-loai-phan-anh.example.vn',
    tryItKind: 'APP',
    tryIts: 190,
  },
];

export interface DemoPlatformApp {
  name: string;
  description: string;
  url: string;
  androidUrl?: string;
  iosUrl?: string;
  ownerUnitCode?: string;
  ownerAgency?: string;
  category: PlatformAppCategory;
  audience: Audience[];
}

export const DEMO_PLATFORM_APPS: DemoPlatformApp[] = [
  {
    name: 'Cổng Dịch vụ công Thành phố Hồ Chí Minh',
    description:
      'Nộp hồ sơ, thanh toán phí và theo dõi kết quả thủ tục hành chính của Thành phố trực tuyến; đăng nhập bằng tài khoản VNeID.',
    url: 'https://dichvucong.hochiminhcity.gov.vn',
    ownerUnitCode: 'VP-UBND',
    category: 'PUBLIC_SERVICES',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'Ứng dụng Công dân số TP.HCM',
    description:
      'Ứng dụng di động của Thành phố: tra cứu hồ sơ, nhận thông báo, phản ánh hiện trường và dùng các tiện ích đô thị trên một tài khoản.',
    url: 'https://hochiminhcity.gov.vn',
    ownerUnitCode: 'TT-CDS',
    category: 'CITIZEN_ENGAGEMENT',
    audience: ['CITIZEN'],
  },
  {
    name: 'Tổng đài 1022',
    description:
      'Tiếp nhận phản ánh, kiến nghị, câu hỏi của người dân và doanh nghiệp qua điện thoại 1022, ứng dụng và cổng thông tin, chuyển đến cơ quan có trách nhiệm.',
    url: 'https://1022.tphcm.gov.vn',
    ownerUnitCode: 'TD-1022',
    category: 'CITIZEN_ENGAGEMENT',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'Cổng thông tin điện tử Thành phố Hồ Chí Minh',
    description:
      'Thông tin chính thức của Ủy ban nhân dân Thành phố: chỉ đạo điều hành, văn bản, lịch công tác và thông tin cho người dân, du khách, nhà đầu tư.',
    url: 'https://hochiminhcity.gov.vn',
    ownerUnitCode: 'VP-UBND',
    category: 'OTHER',
    audience: ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'],
  },
  {
    name: 'Cổng Dịch vụ công quốc gia',
    description:
      'Điểm truy cập duy nhất đến dịch vụ công trực tuyến của các bộ, ngành và địa phương trên cả nước.',
    url: 'https://dichvucong.gov.vn',
    ownerAgency: 'Văn phòng Chính phủ',
    category: 'PUBLIC_SERVICES',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'VNeID – Định danh điện tử',
    description:
      'Tài khoản định danh điện tử, căn cước điện tử, thông báo lưu trú và đăng nhập một lần vào các dịch vụ công.',
    url: 'https://vneid.gov.vn',
    ownerAgency: 'Bộ Công an',
    category: 'SECURITY',
    audience: ['CITIZEN'],
  },
  {
    name: 'Thông tin giao thông TP.HCM',
    description:
      'Xem camera giao thông trực tuyến, tình trạng ùn tắc và thông báo phân luồng trên các tuyến đường chính của Thành phố.',
    url: 'https://giaothong.hochiminhcity.gov.vn',
    ownerUnitCode: 'SO-XD',
    category: 'TRANSPORT',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'VssID – Bảo hiểm xã hội số',
    description:
      'Tra cứu quá trình tham gia, thẻ bảo hiểm y tế điện tử và các quyền lợi bảo hiểm xã hội.',
    url: 'https://baohiemxahoi.gov.vn',
    ownerUnitCode: 'BHXH-TP',
    category: 'HEALTH',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'eTax Mobile – Thuế điện tử',
    description: 'Khai, nộp và tra cứu nghĩa vụ thuế của cá nhân và hộ kinh doanh trên điện thoại.',
    url: 'https://thuedientu.gdt.gov.vn',
    ownerUnitCode: 'THUE-TP',
    category: 'BUSINESS',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'Chăm sóc khách hàng EVNHCMC',
    description:
      'Đăng ký cấp điện, xem hóa đơn, thanh toán tiền điện và nhận lịch tạm ngừng cung cấp điện.',
    url: 'https://cskh.evnhcmc.vn',
    ownerUnitCode: 'EVNHCMC',
    category: 'OTHER',
    audience: ['CITIZEN', 'BUSINESS'],
  },
  {
    name: 'Hệ thống Quản lý văn bản và điều hành',
    description:
      'Tiếp nhận, xử lý, ký số và phát hành văn bản điện tử giữa các cơ quan của Thành phố.',
    url: 'https://hochiminhcity.gov.vn',
    ownerUnitCode: 'VP-UBND',
    category: 'PUBLIC_SERVICES',
    audience: ['CIVIL_SERVANT'],
  },
  {
    name: 'Cổng tuyển sinh đầu cấp',
    description:
      'Đăng ký tuyển sinh trực tuyến vào lớp 1, lớp 6 và tra cứu kết quả cho phụ huynh học sinh.',
    url: 'https://tuyensinhdaucap.hcm.edu.vn',
    ownerUnitCode: 'SO-GDDT',
    category: 'EDUCATION',
    audience: ['CITIZEN'],
  },
];
