package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

// The part of SARIF 2.1.0 that code scanning reads: one run, the tool with
// its rules, and one result per finding.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is where users learn about mentor.
	InformationURI = "https://github.com/mentor-cli/mentor"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

func sarifLevel(s diag.Severity) string {
	if s == diag.Warning {
		return "warning"
	}
	return "error"
}

// VerifySARIF writes the findings as a SARIF 2.1.0 log for GitHub code
// scanning and other SARIF viewers. version is mentor's version. Every rule
// has a short and a full description and help; every result a region (a
// finding about a whole file is on its line 1) and a fingerprint of its own.
func VerifySARIF(w io.Writer, version string, fs []verify.Finding) error {
	return verifySARIF(w, VerifyRun{Version: version, Findings: NewFindings(fs)})
}

// verifySARIF writes the log with its results left empty, then puts the
// results in their place one at a time.
func verifySARIF(w io.Writer, run VerifyRun) error {
	rules := make([]sarifRule, len(verify.Rules))
	index := map[string]int{}
	for i, r := range verify.Rules {
		index[r.ID] = i
		rules[i] = sarifRule{
			ID: r.ID, Name: ruleName(r.ID),
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{r.Detail},
			Help:                 sarifText{r.Help},
			HelpURI:              InformationURI + "#use-in-ci",
			DefaultConfiguration: sarifDefault{sarifLevel(r.Severity)},
		}
	}
	var head bytes.Buffer
	err := encode(&head, sarifLog{
		Schema: sarifSchema, Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:    sarifTool{sarifDriver{Name: "mentor", Version: sarifToolVersion(run.Version), InformationURI: InformationURI, Rules: rules}},
			Results: []sarifResult{},
		}},
	})
	if err != nil {
		return err
	}
	// The results are the run's last member: its empty list is the last
	// "results": [] of the log, as no text of a rule holds a bare quote.
	const empty = `"results": [`
	at := bytes.LastIndex(head.Bytes(), []byte(empty+"]"))
	if at < 0 {
		return fmt.Errorf("the SARIF log has no results list")
	}
	b := bufio.NewWriterSize(w, 64<<10)
	b.Write(head.Bytes()[:at+len(empty)])
	prints := newFingerprinter(run.Findings.grouped())
	err = jsonArray(b, run.Findings, "        ", func(f verify.Finding) any {
		loc := sarifLocation{sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(f.File)},
			Region: sarifRegion{StartLine: max(f.Line, 1)}}}
		return sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: map[string]string{"mentorFinding/v2": prints.next(f)},
		}
	})
	if err != nil {
		return err
	}
	b.Write(head.Bytes()[at+len(empty)+1:])
	return b.Flush()
}

// sarifURI turns a repo-relative slash path into the relative URI reference
// SARIF wants: %, spaces and other bytes a URI cannot hold are
// percent-encoded, and a colon in the first segment too, where it would
// read as a scheme.
func sarifURI(path string) string {
	u := (&url.URL{Path: path}).EscapedPath()
	first, rest, found := strings.Cut(u, "/")
	first = strings.ReplaceAll(first, ":", "%3A")
	if found {
		return first + "/" + rest
	}
	return first
}

// ruleName is a rule's readable name, which SARIF wants different from its
// id: plan-invalid is PlanInvalid.
func ruleName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// sarifToolVersion is mentor's version as SARIF viewers compare it: v1.2.3
// is 1.2.3, and a build without a version is 0.0.0-dev.
func sarifToolVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" {
		v = "dev"
	}
	if v[0] < '0' || v[0] > '9' {
		return "0.0.0-" + v
	}
	return v
}
