import { Box, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState, type DragEvent } from 'react';
import { Button, useTranslate } from 'react-admin';

/** The props that make an element a drop target for a document of `kind` ('' lets the upload dialog ask). */
export type DropProps = (kind: string) => {
  onDragOver: (event: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent) => void;
};

/** Which target a file is dragged over, and the props of each target; a dropped file goes to `onFile`. */
export function useDocumentDrop(onFile: (kind: string, file: File) => void): {
  dropTarget: string | null;
  dropProps: DropProps;
} {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dropProps: DropProps = (kind) => ({
    onDragOver: (event) => {
      event.preventDefault();
      setDropTarget(kind);
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (event) => {
      event.preventDefault();
      setDropTarget(null);
      const file = event.dataTransfer?.files?.[0];
      if (file) {
        onFile(kind, file);
      }
    },
  });
  return { dropTarget, dropProps };
}

/** The file's drop zone for a document of any kind, with a file chooser beside it. */
export function DocumentDropZone({
  dropTarget,
  dropProps,
  onFile,
}: {
  dropTarget: string | null;
  dropProps: DropProps;
  onFile: (file: File) => void;
}) {
  const translate = useTranslate();
  const chooser = useRef<HTMLInputElement>(null);
  return (
    <Box
      data-testid="document-drop"
      {...dropProps('')}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: dropTarget === '' ? 'primary.main' : 'divider',
        borderRadius: 1,
        p: 2,
        mb: 2,
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        flexWrap: 'wrap',
      }}
    >
      <UploadFileIcon color="action" />
      <Typography variant="body2" sx={{ flex: 1 }}>
        {translate('pd.documents.drop_here')}
      </Typography>
      <input
        ref={chooser}
        type="file"
        className="visually-hidden"
        aria-label={translate('pd.documents.choose_file')}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            onFile(file);
          }
        }}
      />
      <Button label="pd.documents.choose_file" variant="outlined" onClick={() => chooser.current?.click()} />
    </Box>
  );
}
