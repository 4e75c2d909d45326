# The alarms and the dashboard against a mocked AWS provider (no credentials, no network, nothing created):
# what each alarm watches, its threshold, that every one notifies alarm_topic_arn on alarm and on OK, and
# that the Lambdas publish metrics in the namespace the alarms read.

mock_provider "aws" {
  source = "./tests/mocks"
}

run "alarms" {
  command = apply

  assert {
    condition = alltrue([
      for alarm in concat(
        values(aws_cloudwatch_metric_alarm.metric),
        [aws_cloudwatch_metric_alarm.failed_job_ratio],
        values(aws_cloudwatch_metric_alarm.throttles),
      ) : alarm.alarm_actions == toset([var.alarm_topic_arn]) && alarm.ok_actions == toset([var.alarm_topic_arn]) && alarm.treat_missing_data == "notBreaching"
    ])
    error_message = "Every alarm notifies alarm_topic_arn when it fires and when it clears, and treats missing data as not breaching."
  }
  # What each alarm on one metric watches and when it fires.
  assert {
    condition = {
      for key, alarm in aws_cloudwatch_metric_alarm.metric : key => {
        metric = [alarm.namespace, alarm.metric_name], dimensions = alarm.dimensions, fires = [alarm.comparison_operator, alarm.threshold]
      }
      } == {
      jobs-dlq-not-empty = { metric = ["AWS/SQS", "ApproximateNumberOfMessagesVisible"], dimensions = tomap({ QueueName = aws_sqs_queue.jobs_dlq.name }), fires = ["GreaterThanThreshold", 0] }
      planner-errors     = { metric = ["AWS/Lambda", "Errors"], dimensions = tomap({ FunctionName = "alex-planner" }), fires = ["GreaterThanThreshold", 0] }
      api-5xx            = { metric = ["AWS/ApiGateway", "5xx"], dimensions = tomap({ ApiId = aws_apigatewayv2_api.http.id }), fires = ["GreaterThanOrEqualToThreshold", 5] }
    }
    error_message = "The DLQ alarm fires as soon as one message is visible in the jobs DLQ; the planner alarm on any Errors of alex-planner; the API alarm counts the HTTP API's 5xx (by ApiId) and fires at 5 in 5 minutes."
  }
  assert {
    condition = toset(keys(aws_cloudwatch_metric_alarm.throttles)) == toset(["planner", "tagger", "reporter", "charter", "retirement", "api"]) && alltrue([
      for name, alarm in aws_cloudwatch_metric_alarm.throttles :
      alarm.metric_name == "Throttles" && alarm.namespace == "AWS/Lambda" && alarm.dimensions == tomap({ FunctionName = "alex-${name}" }) && alarm.threshold == 0
    ])
    error_message = "Each of the six Lambdas has a throttle alarm on its own function."
  }
  assert {
    condition = {
      for query in aws_cloudwatch_metric_alarm.failed_job_ratio.metric_query : query.id => (
        length(query.metric) == 0 ? query.expression : "${query.metric[0].namespace}/${query.metric[0].metric_name}/${query.metric[0].dimensions["service"]}/${query.metric[0].stat}/${query.metric[0].period}"
      )
      } == {
      ratio    = "FILL(failed, 0) / (FILL(complete, 0) + FILL(partial, 0) + FILL(failed, 0))"
      complete = "AlexAgents/JobsComplete/planner/Sum/3600"
      partial  = "AlexAgents/JobsPartial/planner/Sum/3600"
      failed   = "AlexAgents/JobsFailed/planner/Sum/3600"
    }
    error_message = "The failed-job alarm divides the hour's JobsFailed by all finished jobs of the planner service."
  }
  assert {
    condition = (
      [for query in aws_cloudwatch_metric_alarm.failed_job_ratio.metric_query : query.id if query.return_data == true] == ["ratio"] &&
      aws_cloudwatch_metric_alarm.failed_job_ratio.threshold == 0.2 &&
      aws_cloudwatch_metric_alarm.failed_job_ratio.comparison_operator == "GreaterThanThreshold"
    )
    error_message = "The failed-job alarm fires on the ratio alone, above 20%."
  }
  assert {
    condition = alltrue([
      for fn in concat(values(aws_lambda_function.agent), [aws_lambda_function.api]) :
      fn.environment[0].variables["METRICS_NAMESPACE"] == "AlexAgents"
    ])
    error_message = "Every Lambda, the API included, publishes its metrics in the namespace the alarms read."
  }
  assert {
    condition = (
      length(jsondecode(aws_cloudwatch_dashboard.operations.dashboard_body).widgets) == 6 &&
      contains(flatten(jsondecode(aws_cloudwatch_dashboard.operations.dashboard_body).widgets[0].properties.metrics), "JobsFailed") &&
      length(jsondecode(aws_cloudwatch_dashboard.operations.dashboard_body).widgets[1].properties.metrics) == 5 &&
      alltrue([
        for series in slice(jsondecode(aws_cloudwatch_dashboard.operations.dashboard_body).widgets[1].properties.metrics, 1, 5) :
        series[1] == "AgentDurationMs" && series[2] == "service" && series[3] == "planner" && series[4] == "agent"
      ])
    )
    error_message = "The dashboard shows jobs by outcome, the job's and the four agents' durations (as the planner emits them: service=planner, agent=<name>), the DLQ, Lambda errors and throttles, and API 5xx."
  }
  assert {
    condition     = length(output.alarm_names) == 10 && contains(output.alarm_names, "alex-jobs-dlq-not-empty")
    error_message = "alarm_names lists the four alarms and the six throttle alarms."
  }
}

run "a_namespace_and_thresholds_given" {
  command = plan

  variables {
    metrics_namespace          = "AlexStaging"
    failed_job_ratio_threshold = 0.5
    api_5xx_threshold          = 1
  }

  assert {
    condition = alltrue([
      for query in aws_cloudwatch_metric_alarm.failed_job_ratio.metric_query : length(query.metric) == 0 ? true : query.metric[0].namespace == "AlexStaging"
    ]) && aws_lambda_function.agent["tagger"].environment[0].variables["METRICS_NAMESPACE"] == "AlexStaging" && aws_lambda_function.api.environment[0].variables["METRICS_NAMESPACE"] == "AlexStaging"
    error_message = "The alarm reads the namespace the Lambdas are told to publish in."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.failed_job_ratio.threshold == 0.5 && aws_cloudwatch_metric_alarm.metric["api-5xx"].threshold == 1
    error_message = "The thresholds follow their variables."
  }
}

run "rejects_a_topic_that_is_not_an_sns_arn" {
  command = plan

  variables {
    alarm_topic_arn = "arn:aws:sqs:us-east-1:123456789012:alex-alarms"
  }

  expect_failures = [var.alarm_topic_arn]
}

run "rejects_a_fifo_topic_and_an_aws_namespace" {
  command = plan

  variables {
    alarm_topic_arn   = "arn:aws:sns:us-east-1:123456789012:alex-alarms.fifo"
    metrics_namespace = "AWS/Lambda"
  }

  expect_failures = [var.alarm_topic_arn, var.metrics_namespace]
}
