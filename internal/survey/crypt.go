package survey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// A programme keeps its surveys private with age (https://age-encryption.org):
// survey.recipients in .mentor.yaml lists the public keys (age1…) the
// answers are encrypted to, and only the holders of the matching identities
// (AGE-SECRET-KEY-1…) can read them. Everything happens in memory: the
// answers in clear are never written to disk.

// maxPlain is the most a decrypted survey may hold, as for any file mentor reads.
const maxPlain = 1 << 20

// ParseRecipient reads one age public key: age1… (X25519) or age1pq1…
// (post-quantum hybrid).
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "AGE-SECRET-KEY-"):
		return nil, errors.New("this is an identity (a secret key), not a public key: list the public key age-keygen -y prints, and keep the identity out of the repo")
	case strings.HasPrefix(s, "age1pq1"):
		return age.ParseHybridRecipient(s)
	case strings.HasPrefix(s, "age1"):
		return age.ParseX25519Recipient(s)
	}
	return nil, fmt.Errorf("%q is not an age public key (age1…, as age-keygen prints it)", clip(s))
}

func clip(s string) string {
	if len(s) > 24 {
		return s[:21] + "..."
	}
	return s
}

// Encrypt encrypts a survey to the recipients, armored (ASCII), in memory.
func Encrypt(plain []byte, recipients []age.Recipient) ([]byte, error) {
	if len(recipients) == 0 {
		return nil, errors.New("no recipients to encrypt to")
	}
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, recipients...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := aw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// IsEncrypted reports whether a file is an armored age file (or tries to be
// one: it starts with the armor's first line).
func IsEncrypted(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armor.Header))
}

// Envelope checks what can be checked of an encrypted survey without the
// key: the armor and the age header.
func Envelope(data []byte) error {
	if _, err := age.ExtractHeader(armor.NewReader(bytes.NewReader(data))); err != nil {
		return fmt.Errorf("encrypted survey that is not a readable age file (%v): the file is damaged; ask the person to answer the survey again", plainErr(err))
	}
	return nil
}

// Keys are the identities that open a programme's surveys.
type Keys struct {
	Source string // where they came from, for messages: the file, or MENTOR_AGE_IDENTITY
	ids    []age.Identity
}

// ParseKeys reads an age identity file: one identity (AGE-SECRET-KEY-1…)
// per line, # comments, as age-keygen writes it.
func ParseKeys(source string, data []byte) (*Keys, error) {
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		msg := err.Error()
		if strings.Contains(string(data), "age1") && !strings.Contains(string(data), "AGE-SECRET-KEY-") {
			msg = "it holds a public key (age1…), not an identity: use the file age-keygen wrote, with its AGE-SECRET-KEY-1… line"
		}
		return nil, fmt.Errorf("%s is not an age identity file: %s", source, msg)
	}
	return &Keys{Source: source, ids: ids}, nil
}

// NotForKeyError is an encrypted survey that none of the identities opens:
// it was encrypted to someone else's key.
type NotForKeyError struct{ Source string }

func (e *NotForKeyError) Error() string {
	return fmt.Sprintf("encrypted survey that the identity in %s does not open: it was encrypted to someone else's key (check survey.recipients in .mentor.yaml)", e.Source)
}

// Decrypt opens an encrypted survey in memory.
func (k *Keys) Decrypt(data []byte) ([]byte, error) {
	r, err := age.Decrypt(armor.NewReader(bytes.NewReader(data)), k.ids...)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return nil, &NotForKeyError{k.Source}
		}
		return nil, fmt.Errorf("encrypted survey that is not a readable age file (%v): the file is damaged; ask the person to answer the survey again", plainErr(err))
	}
	plain, err := io.ReadAll(io.LimitReader(r, maxPlain+1))
	if err != nil {
		return nil, fmt.Errorf("encrypted survey that cannot be decrypted (%v): the file is damaged or was changed after it was written", plainErr(err))
	}
	if len(plain) > maxPlain {
		return nil, errors.New("encrypted survey that decrypts to more than 1 MiB: this is not a survey")
	}
	return plain, nil
}

func plainErr(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "armor: ")
	return s
}

// Read reads a survey file: in clear, or encrypted. An encrypted file is
// opened with keys when given (in memory) and checked for its envelope
// only when not. It never fails: what is wrong is in Problems.
func Read(file string, data []byte, keys *Keys) *Survey {
	if !IsEncrypted(data) {
		return Parse(file, data)
	}
	s := &Survey{File: file, Name: file[strings.LastIndex(file, "/")+1:], Encrypted: true}
	s.Date, s.Side = FromName(s.Name)
	bad := func(format string, args ...any) *Survey {
		s.Problems = append(s.Problems, problem(file, format, args...))
		return s
	}
	if keys == nil {
		s.Locked = true
		if err := Envelope(data); err != nil {
			return bad("%v", err)
		}
		if s.Side == "" || s.Date.IsZero() {
			return bad("an encrypted survey must be named DATE-SIDE.md (such as 2026-11-21-mentee.md): its name is all that tells who answered and when")
		}
		return s
	}
	plain, err := keys.Decrypt(data)
	if err != nil {
		var nf *NotForKeyError
		s.NotForKey = errors.As(err, &nf)
		return bad("%v", err)
	}
	open := Parse(file, plain)
	open.Encrypted = true
	// The lines of the answers are lines of the decrypted text, which no
	// editor shows: point at the file and say where inside it.
	for i := range open.Problems {
		p := &open.Problems[i]
		if p.Line > 1 {
			p.Message += fmt.Sprintf(" (line %d of the decrypted survey)", p.Line)
		}
		p.Line = 1
	}
	return open
}
