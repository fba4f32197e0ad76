import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Markdown from playbooks and notes. react-markdown renders no raw HTML, so a playbook file cannot
 * inject markup or scripts; links open nowhere by themselves (the host's allow-list decides).
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ?? 'markdown'}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={{ a: ({ children, href }) => <span className="link-text" title={href}>{children}</span> }}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
