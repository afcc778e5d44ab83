/** 我要代办: what to do for me, and the documents I will bring (one a line or separated by 、). */
import { useState } from 'react'
import { Area, Field } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

export function ErrandForm({ communityId, onClose, onDone }: { communityId: string; onClose: () => void; onDone: () => void }) {
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [documents, setDocuments] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const create = useAction(
    (docs: string[]) =>
      call('errand.create', { communityId, title: title.trim(), description: description.trim(), ...(docs.length ? { documents: docs } : {}) }),
    { success: '已提交，工作人员接办后会联系您', showError: 'keep', onSuccess: onDone },
  )
  const submit = () => {
    if (!title.trim() || !description.trim()) return setInvalid('请写明要办什么事、具体情况')
    setInvalid(null)
    const docs = documents
      .split(/[\n、,，]+/)
      .map((d) => d.trim())
      .filter(Boolean)
      .slice(0, 10)
    void create.run(docs)
  }
  return (
    <Sheet id='errand-form' title='我要代办' act={create} error={invalid ?? undefined} submitText='提交' onSubmit={submit} onClose={onClose}>
      <Field label='要办的事' id='errand-title' value={title} onChange={setTitle} maxlength={30} placeholder='如：办理老年优待证' />
      <Area label='具体情况' id='errand-description' value={description} onChange={setDescription} maxlength={500} />
      <Area label='会带上的材料（可不填）' id='errand-documents' value={documents} onChange={setDocuments} maxlength={200} placeholder='身份证、户口本' />
    </Sheet>
  )
}
