import type { EmailMessage } from '@portal/queue';
import { html } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'bulletin.confirm-subscription' }>['data'];

export function bulletinConfirmSubscription(data: Data): TemplateBody {
  return {
    subject: 'Xác nhận đăng ký nhận Bản tin Chuyển đổi số TP.HCM',
    preheader: 'Một bước nữa để nhận Bản tin Chuyển đổi số hằng tháng.',
    html: html`<p>
        Cảm ơn Quý vị đã đăng ký nhận <strong>Bản tin Chuyển đổi số</strong> hằng tháng của Thành
        phố Hồ Chí Minh.
      </p>
      <p>Vui lòng xác nhận địa chỉ thư điện tử này để bắt đầu nhận bản tin.</p>
      <p style="font-size:13px;color:#555555">
        Nếu Quý vị không thực hiện đăng ký, xin bỏ qua thư này: địa chỉ sẽ không được thêm vào danh
        sách nhận bản tin.
      </p>`,
    text: [
      'Cảm ơn Quý vị đã đăng ký nhận Bản tin Chuyển đổi số hằng tháng của Thành phố Hồ Chí Minh.',
      'Vui lòng xác nhận địa chỉ thư điện tử này để bắt đầu nhận bản tin.',
      '',
      'Nếu Quý vị không thực hiện đăng ký, xin bỏ qua thư này: địa chỉ sẽ không được thêm vào danh sách nhận bản tin.',
    ].join('\n'),
    action: { label: 'Xác nhận đăng ký', url: data.confirmUrl },
  };
}
