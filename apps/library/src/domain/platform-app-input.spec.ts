import { describe, expect, it } from 'vitest';
import {
  createPlatformAppInput,
  newPlatformAppFields,
  updatePlatformAppInput,
} from './platform-app-input';
import { applyUpdate } from './input-fields';

describe('platform app input', () => {
  it('names the owner from the city directory when only the unit code is given', () => {
    const fields = newPlatformAppFields(
      createPlatformAppInput.parse({
        name: 'Cổng dịch vụ công',
        description: 'Thủ tục hành chính trực tuyến',
        url: 'https://dichvucong.hochiminhcity.gov.vn',
        ownerUnitCode: 'VP-UBND',
        category: 'PUBLIC_SERVICES',
      }),
    );
    expect(fields).toMatchObject({
      ownerAgency: 'Văn phòng Ủy ban nhân dân Thành phố',
      audience: ['CIVIL_SERVANT', 'BUSINESS', 'CITIZEN'],
      androidUrl: null,
    });
    const updated = applyUpdate(
      fields,
      updatePlatformAppInput.parse({
        iosUrl: 'https://apps.apple.com/vn/app/id1',
        androidUrl: null,
      }),
    );
    expect(updated.iosUrl).toBe('https://apps.apple.com/vn/app/id1');
    expect(updated.name).toBe('Cổng dịch vụ công');
  });

  it('refuses null for required fields on update', () => {
    const res = updatePlatformAppInput.safeParse({ name: null, url: null });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path[0])).toEqual(['name', 'url']);
  });
});
