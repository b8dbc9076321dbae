import { describe, expect, it } from 'vitest';
import { buildChatRequest } from '../../utils/chat-request';
import { GENERAL_INSTRUCTIONS } from '../../utils/instructions';

describe('buildChatRequest', () => {
  it('sends the instructions and the fenced selection with its page title', () => {
    const request = buildChatRequest(
      { text: 'A fox in snow.', originalLength: 14, shortened: false, title: 'Winter', url: 'https://example.com/story' },
      'model-x',
    );
    expect(request).toEqual({
      model: 'model-x',
      messages: [
        { role: 'system', content: GENERAL_INSTRUCTIONS },
        { role: 'user', content: 'Page title: Winter\nPage address: https://example.com/story\nSelected text:\n"""\nA fox in snow.\n"""' },
      ],
    });
  });

  it('omits missing page details', () => {
    const request = buildChatRequest({ text: 'Typed.', originalLength: 6, shortened: false }, 'm');
    expect(request.messages[1]?.content).toBe('Selected text:\n"""\nTyped.\n"""');
  });
});
