import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { FileChecklistsService } from '@app/documents';
import { scopeOfStaff } from '@app/work-permits';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { WaiveChecklistItemDto } from './dto/checklist.dto';
import { ChecklistItemResponse, ChecklistResponse } from './dto/checklist.response';

/** The document checklist of a file: items with where the file stands, and waivers. */
@ApiTags('documents')
@ApiStaffRoute()
@Controller('files')
@ApiErrors([404, 'No such file, or not one the caller may see'])
export class ChecklistsController {
  constructor(private readonly checklists: FileChecklistsService) {}

  @Get(':id/checklist')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "A file's document checklist, each item's status, and the counts" })
  @ApiOkResponse({ type: ChecklistResponse })
  @ApiErrors([400, 'VALIDATION_FAILED: id is not a UUID'])
  async get(@UuidParam() fileId: string, @CurrentStaff() staff: StaffUser): Promise<ChecklistResponse> {
    return ChecklistResponse.from(await this.checklists.checklistOf(fileId, scopeOfStaff(staff)));
  }

  @Post(':id/checklist/:key/waive')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'Waive a checklist item, with the reason (a second waiver replaces the reason)' })
  @ApiOkResponse({ type: ChecklistItemResponse, description: 'The item, now waived' })
  @ApiErrors([400, 'VALIDATION_FAILED: no reason or over 500 characters, or a key not on the checklist'])
  async waive(
    @UuidParam() fileId: string,
    @Param('key') key: string,
    @Body() dto: WaiveChecklistItemDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ChecklistItemResponse> {
    return ChecklistItemResponse.from(
      await this.checklists.waive(fileId, key, dto.reason, staff, scopeOfStaff(staff)),
    );
  }

  @Delete(':id/checklist/:key/waive')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Lift the waiver of a checklist item' })
  @ApiOkResponse({ type: ChecklistItemResponse, description: 'The item with its status from its documents' })
  @ApiErrors([400, 'VALIDATION_FAILED: a key not on the checklist'])
  async lift(
    @UuidParam() fileId: string,
    @Param('key') key: string,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ChecklistItemResponse> {
    return ChecklistItemResponse.from(
      await this.checklists.liftWaiver(fileId, key, staff, scopeOfStaff(staff)),
    );
  }
}
