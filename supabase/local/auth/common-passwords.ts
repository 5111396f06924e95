/**
 * A short list of passwords that guessers try first, written for this project
 * (GoTrue checks HaveIBeenPwned instead). Compared case-insensitively. Only
 * entries of 8+ characters matter: shorter ones already fail the length rule.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'password!', 'password1!',
  'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word', 'passwort', 'motdepasse', 'contraseña', 'contrasena',
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000',
  '88888888', '12341234', '11223344', '12121212', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'q1w2e3r4t5',
  'qwertyui', 'qwerty12', 'qwerty123', 'qwerty1234', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'asdf1234',
  'zxcvbnm1', 'zxcvbnm123', 'qazwsxedc', '1qaz2wsx', '1qazxsw2', 'abcd1234', 'abc12345', 'abcdefgh',
  'aa123456', 'a1234567', 'iloveyou', 'iloveyou1', 'iloveyou!', 'sunshine', 'sunshine1', 'princess',
  'princess1', 'football', 'football1', 'baseball', 'basketball', 'superman', 'batman123', 'starwars',
  'trustno1', 'welcome1', 'welcome123', 'whatever', 'letmein1', 'letmein123', 'changeme', 'changeme1',
  'computer', 'internet', 'michelle', 'jennifer', 'jordan23', 'charlie1', 'master123', 'mustang1',
  'shadow123', 'monkey123', 'dragon123', 'pokemon1', 'liverpool', 'chelsea1', 'arsenal1', 'freedom1',
  'maverick', 'corvette', 'mercedes', 'ferrari1', 'hello123', 'helloworld', 'loveyou1', 'secret123',
  'admin123', 'administrator', 'root1234', 'test1234', 'testtest', 'default1', 'guest123', 'user1234',
  'login123', 'qwerty!@', '!qaz2wsx', 'zaq12wsx', 'supabase', 'supabase123', 'letmeinplease',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
