import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { FirmChecklistItemsService } from '@app/documents';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import {
  CreateFirmChecklistItemDto,
  FirmChecklistItemListResponse,
  FirmChecklistItemResponse,
  UpdateFirmChecklistItemDto,
} from './dto/firm-checklist-item.dto';

/** The firm's own checklist items, added to the checklists of a stream's files: read by staff, set by admins. */
@ApiTags('settings')
@ApiStaffRoute()
@Controller('settings/checklist-items')
export class FirmChecklistItemsController {
  constructor(private readonly items: FirmChecklistItemsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "List the firm's checklist items (oldest first, the order on checklists)" })
  @ApiOkResponse({ type: FirmChecklistItemListResponse })
  async list(): Promise<FirmChecklistItemListResponse> {
    return { items: (await this.items.list()).map((item) => FirmChecklistItemResponse.from(item)) };
  }

  @Post()
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Add a checklist item to the files of a stream' })
  @ApiCreatedResponse({ type: FirmChecklistItemResponse })
  @ApiErrors(
    [
      400,
      "VALIDATION_FAILED: a bad or taken key (an IRCC item's, another firm item's, or `other`), a missing title",
    ],
    [404, 'Not an admin'],
  )
  async create(
    @Body() dto: CreateFirmChecklistItemDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FirmChecklistItemResponse> {
    return FirmChecklistItemResponse.from(await this.items.create(dto, staff));
  }

  @Patch(':id')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Change a firm checklist item (its key cannot change)' })
  @ApiOkResponse({ type: FirmChecklistItemResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: a bad value, or a field that cannot change (key)'],
    [404, 'CHECKLIST_ITEM_NOT_FOUND, or not an admin'],
  )
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateFirmChecklistItemDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FirmChecklistItemResponse> {
    return FirmChecklistItemResponse.from(await this.items.update(id, dto, staff));
  }

  @Delete(':id')
  @Roles(StaffRole.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a firm checklist item from checklists (documents of its kind stay)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors([404, 'CHECKLIST_ITEM_NOT_FOUND, or not an admin'])
  async remove(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.items.remove(id, staff);
  }
}
