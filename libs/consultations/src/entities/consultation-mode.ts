/** How a consultation takes place (and how a consultation type is offered). */
export enum ConsultationMode {
  Video = 'video',
  Phone = 'phone',
  InPerson = 'in_person',
}
