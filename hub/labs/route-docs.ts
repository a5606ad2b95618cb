/** Shared pieces of the labs' route documentation. */
export const LABS_PATH = '/api/v1/admin/labs';
export const bearer = 'bearer' as const;
export const OBJECT = { type: 'object' };

export const LAB_VIEW = {
  type: 'object',
  required: ['id', 'title', 'partnerIds', 'status', 'revision', 'approvals'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    partnerIds: { type: 'array', items: { type: 'string' } },
    leadPartnerId: { type: 'string' },
    status: { enum: ['brouillon', 'en-relecture', 'approuve', 'publie', 'abandonne'] },
    revision: { type: 'integer', description: 'Numéro de la dernière révision (0 : document vide)' },
    approvals: { type: 'array', items: { type: 'object' }, description: 'Approbations de la dernière révision' },
    missingApprovals: { type: 'array', items: { type: 'string' } },
    body: { type: 'string', description: 'Markdown de la dernière révision' },
    html: { type: 'string', description: 'Le même, en HTML assaini' },
    sections: { type: 'array', items: { type: 'object' } },
    publications: { type: 'array', items: { type: 'object' } },
    unreviewedBy: { type: 'array', items: { type: 'string' } },
    permissions: { type: 'object' },
  },
};
