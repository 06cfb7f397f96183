import type { EmailMessage } from '@portal/queue';
import { unitName } from './format';
import { html, oneLine, paragraphs } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'forum.official-answer' }>['data'];

export function forumOfficialAnswer(data: Data): TemplateBody {
  const title = oneLine(data.threadTitle);
  const department = unitName(data.department);
  const excerpt = data.answerExcerpt.trim();
  return {
    subject: oneLine(`Đã có trả lời chính thức: ${title}`),
    preheader: `${department} đã trả lời chủ đề Quý vị theo dõi.`,
    html: html`<p>
        <strong>${department}</strong> đã trả lời chính thức chủ đề <strong>“${title}”</strong> mà
        Quý vị đang theo dõi trên Diễn đàn Chuyển đổi số.
      </p>
      <blockquote
        style="margin:16px 0;padding:8px 16px;border-left:4px solid #0b5fa5;background:#f3f5f7"
      >
        ${paragraphs(excerpt)}
      </blockquote>`,
    text: [
      `${department} đã trả lời chính thức chủ đề “${title}” mà Quý vị đang theo dõi trên Diễn đàn Chuyển đổi số.`,
      '',
      ...excerpt.split('\n').map((line) => `> ${line}`),
    ].join('\n'),
    action: { label: 'Xem toàn bộ trả lời', url: data.url },
  };
}
