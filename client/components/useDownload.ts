import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { downloadFile } from '../lib/download';
import { useErrorMessage } from './States';

/** A download button's busy state (the path being fetched), with the server's message shown if it fails. */
export function useDownload() {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  /** Resolves to whether the file was saved. */
  const run = async (path: string, fallbackName: string): Promise<boolean> => {
    setBusy(path);
    try {
      await downloadFile(path, fallbackName);
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
