/**
 * The service agreement PermitDesk ships, in English and French (Markdown with merge fields). It covers what the
 * CICC Code of Professional Conduct (SOR/2022-128) asks of a written service agreement: s.24(1) (in writing,
 * before any service beyond the initial consultation) and s.24(2) (identity and contact details confirmed, a draft
 * given first, prior representation checked), and the Code's sections on confidentiality, complaints, fair and
 * reasonable fees and disbursements, advance payments, invoices and termination (s.35: when a licensee must
 * terminate). See docs/domain-sources.md, "Service agreement", for what was read and what was not. A firm adapts it
 * in Settings → Service agreement; each change is a new version.
 */
export const DEFAULT_TEMPLATE = {
  en: `# Service agreement

*Made under section 24 of the Code of Professional Conduct for College of Immigration and Citizenship Consultants Licensees (SOR/2022-128). Version {{agreement.version}}, {{agreement.date}}.*

## 1. The parties

**The client:** {{client.fullName}}, {{client.address}}; telephone {{client.phone}}; email {{client.email}}.

**The consultant:** {{consultant.name}}, Regulated Canadian Immigration Consultant, College of Immigration and Citizenship Consultants (CICC) licence number **{{consultant.licenceNumber}}**, of {{firm.name}}, {{firm.address}}; telephone {{firm.phone}}; email {{firm.email}}.

The consultant confirmed the client's identity and contact details, and whether the client has a service agreement with another authorized representative, before this agreement was made, and gave the client this draft to read before signing it.

## 2. Services (file {{file.number}}, {{file.stream}} work permit, {{file.applicationType}})

The consultant will provide these services:

{{services.description}}

Services not listed above are outside this agreement and need a written amendment. The consultant will not guarantee the outcome of any application: decisions belong to Immigration, Refugees and Citizenship Canada (IRCC) and other authorities.

## 3. The client's responsibilities

The client will give complete, true and timely information and documents, tell the consultant promptly of any change (address, status, family, employment, travel), and answer requests within the times the consultant gives. False or missing information can lead to refusal or a finding of misrepresentation.

## 4. Professional fees and how they are calculated

{{fees.professional}}

Fees are fair and reasonable for the services described and do not depend on the outcome. Applicable taxes (GST/HST/QST) are added to professional fees.

## 5. Disbursements, including government fees

{{fees.ircc}}

Government fees (IRCC processing, open work permit holder, biometrics, the employer compliance fee, LMIA fees where the client is responsible) and other third-party costs (translations, medical examinations, police certificates, courier) are disbursements: charged at cost, without mark-up, and shown separately on invoices. Government fees are not refundable by PermitDesk or the consultant once paid to the government.

## 6. Payment schedule

{{fees.paymentSchedule}}

Money paid in advance for services not yet provided, or for disbursements not yet incurred, is held in the firm's client account until earned or spent. Each invoice shows the services provided, fees, disbursements and taxes, and what was taken from the client account.

## 7. Confidentiality

The consultant and anyone assisting them keep everything the client shares confidential and use it only to provide these services, unless the client consents in writing or the law requires disclosure. Records are kept securely for the period the College's by-laws require.

## 8. Termination

The client may end this agreement at any time, in writing. The consultant may end it in writing for a serious reason (for example, the client asks for something dishonest or illegal, a conflict of interest arises, or the client does not give needed information or payment), and must end it where the Code requires. On termination the consultant will give the client a final statement of account, refund any unearned fees and unspent advance payments, return the client's original documents, and tell IRCC that they no longer represent the client.

## 9. Complaints and disputes

If the client is not satisfied, the client may first complain to the consultant, who will answer promptly and in writing. The client may at any time complain to the College of Immigration and Citizenship Consultants (college-ic.ca), which regulates the consultant, whether or not they have complained to the consultant first. Fee disputes that cannot be settled between the parties may be resolved as the laws of the province where the consultant practises allow.

## 10. Language and copies

This agreement is in English at the client's request. Both parties receive a copy of the signed agreement. A change to this agreement is made in writing, as a new version that both parties sign.

## Signatures

The client signs by typing their full name and consenting; the consultant countersigns. The signature page records the signers, the UTC times, the internet addresses and devices used, and the SHA-256 fingerprint of this text.
`,
  fr: `# Convention de service

*Conclue en application de l'article 24 du Code de déontologie des titulaires de permis du Collège des consultants en immigration et en citoyenneté (DORS/2022-128). Version {{agreement.version}}, {{agreement.date}}.*

## 1. Les parties

**Le client :** {{client.fullName}}, {{client.address}}; téléphone {{client.phone}}; courriel {{client.email}}.

**Le consultant :** {{consultant.name}}, consultant réglementé en immigration canadienne, titulaire du permis numéro **{{consultant.licenceNumber}}** du Collège des consultants en immigration et en citoyenneté (CCIC), de {{firm.name}}, {{firm.address}}; téléphone {{firm.phone}}; courriel {{firm.email}}.

Avant la conclusion de la présente convention, le consultant a confirmé l'identité et les coordonnées du client, vérifié si le client a conclu une convention de service avec un autre représentant autorisé, et remis au client ce projet pour qu'il le lise avant de le signer.

## 2. Services (dossier {{file.number}}, permis de travail {{file.stream}}, {{file.applicationType}})

Le consultant fournira les services suivants :

{{services.description}}

Les services qui ne figurent pas ci-dessus ne font pas partie de la présente convention et exigent une modification écrite. Le consultant ne garantit l'issue d'aucune demande : les décisions appartiennent à Immigration, Réfugiés et Citoyenneté Canada (IRCC) et aux autres autorités.

## 3. Les obligations du client

Le client fournit des renseignements et des documents complets, véridiques et à temps, informe promptement le consultant de tout changement (adresse, statut, famille, emploi, voyages) et répond aux demandes dans les délais indiqués. Des renseignements faux ou manquants peuvent entraîner un refus ou une conclusion de fausses déclarations.

## 4. Honoraires professionnels et leur mode de calcul

{{fees.professional}}

Les honoraires sont justes et raisonnables pour les services décrits et ne dépendent pas de l'issue de la demande. Les taxes applicables (TPS/TVH/TVQ) s'ajoutent aux honoraires professionnels.

## 5. Débours, y compris les frais gouvernementaux

{{fees.ircc}}

Les frais gouvernementaux (traitement d'IRCC, privilège de permis de travail ouvert, données biométriques, frais de conformité de l'employeur, frais d'EIMT à la charge du client) et les autres frais de tiers (traductions, examens médicaux, certificats de police, messagerie) sont des débours : facturés au coût, sans majoration, et indiqués séparément sur les factures. Une fois versés au gouvernement, les frais gouvernementaux ne sont remboursables ni par PermitDesk ni par le consultant.

## 6. Calendrier des paiements

{{fees.paymentSchedule}}

Les sommes versées d'avance pour des services non encore rendus ou des débours non encore engagés sont détenues dans le compte client du cabinet jusqu'à ce qu'elles soient gagnées ou dépensées. Chaque facture indique les services rendus, les honoraires, les débours, les taxes et les sommes prélevées sur le compte client.

## 7. Confidentialité

Le consultant et les personnes qui l'assistent gardent confidentiel tout ce que le client leur communique et ne l'utilisent que pour fournir ces services, sauf consentement écrit du client ou obligation légale. Les dossiers sont conservés en lieu sûr pendant la durée prévue par les règlements administratifs du Collège.

## 8. Résiliation

Le client peut mettre fin à la présente convention en tout temps, par écrit. Le consultant peut y mettre fin par écrit pour un motif sérieux (par exemple, le client demande un acte malhonnête ou illégal, un conflit d'intérêts survient, ou le client ne fournit pas les renseignements ou paiements nécessaires), et doit y mettre fin dans les cas prévus par le Code. À la résiliation, le consultant remet au client un relevé de compte final, rembourse les honoraires non gagnés et les avances non dépensées, rend les documents originaux du client et avise IRCC qu'il ne le représente plus.

## 9. Plaintes et différends

Si le client est insatisfait, il peut d'abord se plaindre au consultant, qui répond promptement et par écrit. Le client peut en tout temps porter plainte auprès du Collège des consultants en immigration et en citoyenneté (college-ic.ca), qui réglemente le consultant, qu'il se soit plaint au consultant ou non. Les différends sur les honoraires qui ne peuvent être réglés entre les parties peuvent être tranchés selon ce que permettent les lois de la province où exerce le consultant.

## 10. Langue et copies

La présente convention est rédigée en français à la demande du client. Chaque partie reçoit une copie de la convention signée. Toute modification se fait par écrit, sous forme d'une nouvelle version signée par les deux parties.

## Signatures

Le client signe en tapant son nom complet et en donnant son consentement; le consultant contresigne. La page des signatures indique les signataires, les heures UTC, les adresses Internet et les appareils utilisés, et l'empreinte SHA-256 du présent texte.
`,
} as const;
