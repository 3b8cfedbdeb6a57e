package survey

import "math"

// The arithmetic of the report's survey figures, on the answers of one
// question in one group.

// Mean is the mean of numeric answers, rounded to two decimals; 0 for none.
func Mean(vals []int) float64 {
	if len(vals) == 0 {
		return 0
	}
	sum := 0
	for _, v := range vals {
		sum += v
	}
	return math.Round(float64(sum)/float64(len(vals))*100) / 100
}

// Promoter and Detractor classify an answer to a 0-10 question as the Net
// Promoter Score does: 9 and 10 promote, 0 to 6 detract, 7 and 8 are passive.
func Promoter(v int) bool  { return v >= 9 }
func Detractor(v int) bool { return v <= 6 }

// NPS is the Net Promoter Score of 0-10 answers: the share of promoters
// minus the share of detractors, as a percentage from -100 to 100, rounded
// to one decimal; 0 for none.
func NPS(vals []int) float64 {
	if len(vals) == 0 {
		return 0
	}
	score := 0
	for _, v := range vals {
		switch {
		case Promoter(v):
			score++
		case Detractor(v):
			score--
		}
	}
	return math.Round(float64(score)/float64(len(vals))*1000) / 10
}

// Share is n of whole, from 0 to 1, rounded to three decimals as every share
// of the report; 0 when whole is 0.
func Share(n, whole int) float64 {
	if whole <= 0 {
		return 0
	}
	return math.Round(float64(n)/float64(whole)*1000) / 1000
}

// Distribution counts answers by value, in the order of scale.Values().
func Distribution(scale Scale, answers []string) []int {
	vals := scale.Values()
	out := make([]int, len(vals))
	for _, a := range answers {
		for i, v := range vals {
			if a == v {
				out[i]++
			}
		}
	}
	return out
}
