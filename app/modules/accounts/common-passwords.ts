// Passwords of 8+ characters that top the public breach-frequency lists (shorter ones are
// refused by length already), separated by white space (none has any). Compared lower-cased.
export const COMMON_PASSWORDS = new Set(`
password 12345678 123456789 1234567890 12345678910 qwertyuiop password1 password123 iloveyou
11111111 00000000 88888888 87654321 qwerty123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx qwertyui
asdfghjkl asdfasdf abcd1234 abc12345 abcdefgh sunshine princess football baseball welcome1
welcome123 trustno1 superman starwars whatever computer internet michelle jennifer liverpool
chelsea1 letmein1 letmein123 passw0rd p@ssw0rd p@ssword pa55word admin123 administrator qwerty12
qwerty1234 1234qwer q1w2e3r4 q1w2e3r4t5 987654321 123123123 12341234 11223344 147258369 123qweasd
qweasdzxc 1qazxsw2 monkey123 dragon123 shadow12 master123 football1 baseball1 iloveyou1 princess1
sunshine1 charlie1 jordan23 michael1 password2 password12 password1234 changeme changeme123 default1
secret123 welcome! hello123 hellohello google123 yankees1 mustang1 access14 batman123 basketball
soccer123 qazwsxedc zxcvbnm1 zxcvbnm123 aaaaaaaa 12qwaszx 1password internship internship1 student1
student123 computer1 software developer
`.trim().split(/\s+/));

/** Refuses the commonest passwords and single repeated characters. */
export function isCommonPassword(password: string) {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower);
}
